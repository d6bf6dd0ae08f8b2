import asyncio
def f(a, *, b):
    print("in thread", a, b)
    return a + b
async def main():
    t = asyncio.create_task(asyncio.to_thread(f, 1, b=2))
    print("created")
    await asyncio.sleep(0)
    print("after yield")
    print(await t)
asyncio.run(main())
