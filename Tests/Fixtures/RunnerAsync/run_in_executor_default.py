import asyncio, time
def blocking():
    time.sleep(1)
    return "io"
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, blocking)
    print("submitted", loop.time())
    await asyncio.sleep(0.5)
    print("half", fut.done())
    print(await fut, loop.time())
asyncio.run(main())
