import asyncio
async def main():
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(2)
    print(cm.when(), cm.expired())
asyncio.run(main())
