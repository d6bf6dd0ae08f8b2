import asyncio
async def user(sem, name):
    try:
        async with sem:
            print(name, "in", asyncio.get_running_loop().time())
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def main():
    sem = asyncio.Semaphore(1)
    ts = [asyncio.create_task(user(sem, n)) for n in "abcd"]
    await asyncio.sleep(1)
    ts[1].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print(sem.locked(), asyncio.get_running_loop().time())
asyncio.run(main())
