import asyncio
async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child cancelled")
        raise
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0.1)
            raise ZeroDivisionError("body")
    except* ZeroDivisionError as eg:
        print("group of", len(eg.exceptions), type(eg).__name__)
asyncio.run(main())
