import asyncio, time

def blocking(n):
    print("job start", n, time.monotonic())
    time.sleep(n)
    print("job end", n, time.monotonic())
    return n * 10

async def ticker():
    for i in range(3):
        print("tick", asyncio.get_running_loop().time())
        await asyncio.sleep(0.4)

async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(asyncio.to_thread(blocking, 1), ticker(), loop.run_in_executor(None, blocking, 0.5))
    print(r, loop.time())
    print(await asyncio.to_thread(blocking, 0))
    time.sleep(0.25)
    print(loop.time())

asyncio.run(main())
