import asyncio
async def compute(x):
    await asyncio.sleep(0.1)
    return x * x
async def main():
    t = asyncio.create_task(compute(4))
    print(t.done(), t.get_name())
    await asyncio.sleep(0.2)
    print(t.done(), t.result(), t.cancelled(), t.exception())
    t2 = asyncio.create_task(compute(5))
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled", t2.cancelled())
    try:
        t2.result()
    except asyncio.CancelledError:
        print("result() raised CancelledError")
asyncio.run(main())
