import asyncio
async def hold(sem, n):
    async with sem:
        print("hold", n, asyncio.get_running_loop().time())
        await asyncio.sleep(1)
async def main():
    sem = asyncio.Semaphore(1)
    a = asyncio.create_task(hold(sem, "a"))
    b = asyncio.create_task(hold(sem, "b"))
    c = asyncio.create_task(hold(sem, "c"))
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print(asyncio.get_running_loop().time(), sem.locked())
asyncio.run(main())
