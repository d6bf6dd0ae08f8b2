import asyncio
# Cancelling a gather cancels its children with the message; with return_exceptions=True the
# outer future still ends cancelled; a child cancelled on its own becomes a CancelledError result.
async def slow(n):
    await asyncio.sleep(n)
    return n
async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(slow(1), slow(2), return_exceptions=True)
    await asyncio.sleep(0.5)
    print("cancel:", g.cancel(msg="stop"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer cancelled", e.args, loop.time())
    t = asyncio.create_task(slow(1))
    g2 = asyncio.gather(t, slow(0.5), return_exceptions=True)
    await asyncio.sleep(0.1)
    t.cancel("child msg")
    r = await g2
    print([type(x).__name__ for x in r], [str(x) for x in r], loop.time())
    g3 = asyncio.gather(slow(1), slow(3))
    await asyncio.sleep(0)
    g3.cancel()
    print(g3.cancel(), g3.done())
    try:
        await g3
    except asyncio.CancelledError:
        print("g3 cancelled", loop.time())
asyncio.run(main())
