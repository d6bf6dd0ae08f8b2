import asyncio
async def level3(x):
    await asyncio.sleep(0.1)
    return x * 2
async def level2(x):
    return await level3(x) + 1
async def level1(x):
    return await level2(x) * 10
async def main():
    print(await level1(1), await level1(5))
    results = await asyncio.gather(*(level1(i) for i in range(5)))
    print(results, asyncio.get_running_loop().time())
asyncio.run(main())
