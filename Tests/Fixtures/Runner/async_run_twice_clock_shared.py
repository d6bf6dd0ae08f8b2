import asyncio, time
async def nap(d):
    await asyncio.sleep(d)
    return asyncio.get_running_loop().time()
print(asyncio.run(nap(1)))
print(asyncio.run(nap(2)))
print(time.monotonic())
