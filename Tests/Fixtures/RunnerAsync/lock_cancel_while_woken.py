import asyncio
async def holder(lock):
    async with lock:
        await asyncio.sleep(1)
async def waiter(lock, name):
    try:
        async with lock:
            print("acquired", name, asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print("cancelled", name)
        raise
async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    a = asyncio.create_task(waiter(lock, "a"))
    b = asyncio.create_task(waiter(lock, "b"))
    await asyncio.sleep(1)
    a.cancel()
    await asyncio.gather(h, a, b, return_exceptions=True)
    print(lock.locked())
asyncio.run(main())
