import asyncio
async def user(sem, i, hold):
    async with sem:
        print("enter", i, asyncio.get_running_loop().time())
        await asyncio.sleep(hold)
async def main():
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(user(sem, i, 0.1 * (i + 1))) for i in range(6)]
    await asyncio.sleep(0)
    print("value", sem._value if hasattr(sem, "_value") else "?", sem.locked())
    await asyncio.gather(*ts)
asyncio.run(main())
