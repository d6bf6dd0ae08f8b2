import asyncio
async def spin(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(spin("a", 3), spin("b", 2), spin("c", 3))
asyncio.run(main())
