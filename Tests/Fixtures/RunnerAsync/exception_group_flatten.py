import asyncio
async def bad(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad("one"))
            tg.create_task(bad("two"))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, [str(e) for e in eg.exceptions])
        print([type(e).__name__ for e in eg.exceptions])
asyncio.run(main())
