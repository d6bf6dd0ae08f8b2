import asyncio
async def depth(n):
    if n == 0:
        await asyncio.sleep(0.5)
        return 0
    return await depth(n - 1) + 1
async def main():
    print(await depth(900))
asyncio.run(main())
