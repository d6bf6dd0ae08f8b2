import asyncio
async def risky():
    await asyncio.sleep(0.1)
    raise ConnectionError("connection reset")
async def main():
    task = asyncio.create_task(risky())
    await asyncio.sleep(0.2)
    print("task done:", task.done())
    await task
asyncio.run(main())
