import asyncio, time
async def step(n):
    await asyncio.sleep(n)
    return asyncio.get_running_loop().time()
print(asyncio.run(step(1)))
print(asyncio.run(step(0.5)))
print(time.monotonic())
