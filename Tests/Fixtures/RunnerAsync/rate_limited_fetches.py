import asyncio
async def fetch(i, sem):
    async with sem:
        await asyncio.sleep(0.3 + 0.1 * (i % 3))
        return i * i
async def main():
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(*(fetch(i, sem) for i in range(10)))
    print(results, asyncio.get_running_loop().time())
asyncio.run(main())
