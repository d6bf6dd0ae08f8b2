import asyncio, time
async def a():
    await asyncio.sleep(1)
    print("a at", asyncio.get_running_loop().time())
async def b():
    time.sleep(1.5)
    print("b blocked until", asyncio.get_running_loop().time())
    await asyncio.sleep(0)
    print("b resumed")
async def main():
    await asyncio.gather(a(), b())
asyncio.run(main())
