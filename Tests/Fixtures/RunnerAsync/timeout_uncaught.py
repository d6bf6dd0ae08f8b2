import asyncio
async def main():
    await asyncio.wait_for(asyncio.sleep(10), 0.25)
asyncio.run(main())
