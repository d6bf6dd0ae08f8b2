import asyncio
async def main():
    print(await asyncio.sleep(0.5, result="slept"))
    print(await asyncio.sleep(0, "zero"))
    print(await asyncio.sleep(-1, "negative"))
    print(asyncio.get_running_loop().time())
asyncio.run(main())
