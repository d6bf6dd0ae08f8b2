import asyncio
async def leaf(tag):
    await asyncio.sleep(0)
    print(tag, asyncio.current_task().get_name())
async def mid():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("x"))
        tg.create_task(leaf("y"), name="custom")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(mid())
        tg.create_task(leaf("z"))
asyncio.run(main())
