import asyncio
async def bad():
    await asyncio.sleep(0.1)
    raise RuntimeError("inside")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
        tg.create_task(asyncio.sleep(1))
asyncio.run(main())
