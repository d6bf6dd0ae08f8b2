import asyncio
async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    async def other():
        async with sem:
            print("never")
    await asyncio.gather(other())
asyncio.run(main())
