import asyncio
results = []
async def fetch(i, lock):
    async with lock:
        await asyncio.sleep(0.1 * (3 - i % 3))
        results.append(i)
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(fetch(i, lock) for i in range(6)))
    print(results, round(asyncio.get_running_loop().time(), 6))
asyncio.run(main())
