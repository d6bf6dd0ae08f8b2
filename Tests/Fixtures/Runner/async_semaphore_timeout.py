import asyncio
async def worker(i, sem):
    async with sem:
        print("start", i, asyncio.get_running_loop().time())
        await asyncio.sleep(1)
        print("end", i)
async def slow():
    await asyncio.sleep(10)
async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(i, sem) for i in range(5)))
    try:
        async with asyncio.timeout(1.5):
            await slow()
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    async with asyncio.timeout(5):
        await asyncio.sleep(1)
    print("within timeout", asyncio.get_running_loop().time())
    print(await asyncio.to_thread(sum, [1, 2, 3]))
asyncio.run(main())
