import asyncio
sem = None
async def job(i):
    async with sem:
        print("start", i, asyncio.get_running_loop().time())
        await asyncio.sleep(1)
        print("end", i)
async def main():
    global sem
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(i) for i in range(5)))
asyncio.run(main())
