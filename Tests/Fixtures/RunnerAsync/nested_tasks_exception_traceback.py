import asyncio
async def leaf():
    await asyncio.sleep(0.1)
    raise KeyError("leaf")
async def middle():
    t = asyncio.create_task(leaf())
    return await t
async def main():
    await middle()
asyncio.run(main())
