import asyncio
async def ok(n):
    try:
        await asyncio.sleep(n)
        print("ok", n)
    except asyncio.CancelledError:
        print("cancelled", n)
        raise
async def bad():
    await asyncio.sleep(0.5)
    raise ValueError("bad thing")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(0.2))
            tg.create_task(ok(2))
            tg.create_task(bad())
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    print(asyncio.get_running_loop().time())
asyncio.run(main())
