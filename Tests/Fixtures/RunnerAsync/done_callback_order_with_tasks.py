import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def waiter(i):
        await fut
        print("waiter", i)
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("callback"))
    fut.set_result(None)
    print("set")
    await asyncio.gather(*ts)
asyncio.run(main())
