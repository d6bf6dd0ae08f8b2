import asyncio
async def main():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(3)
    except TimeoutError:
        print("timeout after", asyncio.get_running_loop().time())
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print(cm.expired(), asyncio.get_running_loop().time())
asyncio.run(main())
