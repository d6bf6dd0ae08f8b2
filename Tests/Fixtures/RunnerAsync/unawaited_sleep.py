import asyncio
async def main():
    asyncio.sleep(1)
    print(asyncio.get_running_loop().time())
asyncio.run(main())
