import asyncio
async def user(lock, n):
    async with lock:
        print("got", n)
        await asyncio.sleep(1)
async def main():
    lock = asyncio.Lock()
    ts = [asyncio.create_task(user(lock, i)) for i in range(3)]
    await asyncio.sleep(0.1)
    ts[1].cancel()
    r = await asyncio.gather(*ts, return_exceptions=True)
    print([type(x).__name__ for x in r], asyncio.get_running_loop().time())
asyncio.run(main())
