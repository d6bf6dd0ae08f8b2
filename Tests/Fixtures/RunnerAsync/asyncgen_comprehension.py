import asyncio
async def agen():
    for i in range(6):
        await asyncio.sleep(0)
        yield i
async def double(x):
    await asyncio.sleep(0.1)
    return x * 2
async def main():
    evens = [x async for x in agen() if x % 2 == 0]
    print(evens)
    doubled = [await double(x) for x in evens]
    print(doubled, asyncio.get_running_loop().time())
    print({x: x * x async for x in agen()})
asyncio.run(main())
