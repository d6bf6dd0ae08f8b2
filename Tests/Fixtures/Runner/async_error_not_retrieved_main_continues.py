import asyncio
async def fails():
    await asyncio.sleep(0.1)
    raise RuntimeError("background failure")
async def main():
    t = asyncio.create_task(fails())
    await asyncio.sleep(0.5)
    print("main still running; task failed:", t.done(), type(t.exception()).__name__)
    return "main result"
print(asyncio.run(main()))
