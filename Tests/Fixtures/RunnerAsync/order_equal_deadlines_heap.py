import asyncio
async def w(i):
    await asyncio.sleep(1)
    print("woke", i)
async def main():
    await asyncio.gather(*(w(i) for i in range(9)))
asyncio.run(main())
