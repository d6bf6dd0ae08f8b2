import asyncio
async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(3000)
    await asyncio.sleep(0.1)
    print(loop.time())
    await asyncio.sleep(1e-10)
    print(loop.time())
asyncio.run(main())
