import asyncio
async def user(lock, i):
    async with lock:
        print("in", i, asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(lock, i) for i in range(4)))
    print(lock.locked())
asyncio.run(main())
