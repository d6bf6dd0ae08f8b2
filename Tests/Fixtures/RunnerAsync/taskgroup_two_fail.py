import asyncio
async def bad(n, exc):
    await asyncio.sleep(n)
    raise exc
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.1, KeyError("k")))
            tg.create_task(bad(0.1, TypeError("t")))
    except* KeyError as eg:
        print("key", eg.exceptions)
    except* TypeError as eg:
        print("type", eg.exceptions)
asyncio.run(main())
