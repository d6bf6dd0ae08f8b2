import asyncio
async def setter(fut):
    await asyncio.sleep(0.5)
    print("setting")
    fut.set_result(42)
    print("set done")
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    asyncio.create_task(setter(fut))
    print("result", await fut, loop.time())
asyncio.run(main())
