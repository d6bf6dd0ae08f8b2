import asyncio
async def quick():
    await asyncio.sleep(0.5)
    return "ok"
async def main():
    print(await asyncio.wait_for(quick(), 2))
    print(asyncio.get_running_loop().time())
asyncio.run(main())
