import asyncio
async def child(n):
    try:
        await asyncio.sleep(n)
        print("child done", n)
    except asyncio.CancelledError:
        print("child cancelled", n)
        raise
async def group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(1))
        tg.create_task(child(3))
async def main():
    t = asyncio.create_task(group())
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("group cancelled", asyncio.get_running_loop().time())
asyncio.run(main())
