import asyncio
async def inner():
    await asyncio.sleep(0.1)
    return 1 / 0
async def main():
    t = asyncio.create_task(inner())
    await t
asyncio.run(main())
