import asyncio
async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.5)
        yield i
async def main():
    async for t in ticks(4):
        print("tick", t, asyncio.get_running_loop().time())
asyncio.run(main())
