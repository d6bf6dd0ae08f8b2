import asyncio
async def leaf(n):
    await asyncio.sleep(n / 10)
    return n
async def branch(k):
    return await asyncio.gather(*(leaf(k * 10 + i) for i in range(3)))
async def main():
    print(await asyncio.gather(branch(1), branch(2)))
    print(asyncio.get_running_loop().time())
asyncio.run(main())
