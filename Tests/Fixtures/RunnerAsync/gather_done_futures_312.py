import asyncio
# 3.12 gather: children already done when gather is called complete the outer future at once
# (done_futs), not through a call_soon'd done callback.
async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f1.set_result(1)
    f2 = loop.create_future()
    f2.set_result(2)
    g = asyncio.gather(f1, f2, f1)
    print("done at once:", g.done(), g.result() if g.done() else None)
    f3 = loop.create_future()
    f3.set_exception(ValueError("early"))
    g2 = asyncio.gather(f3, asyncio.sleep(1))
    print("failed at once:", g2.done())
    try:
        await g2
    except ValueError as e:
        print("caught", e, loop.time())
    g3 = asyncio.gather(f3, return_exceptions=True)
    print(g3.done(), await g3)
    print(await asyncio.gather())
asyncio.run(main())
