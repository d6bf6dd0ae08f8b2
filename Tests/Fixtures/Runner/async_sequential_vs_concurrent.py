import asyncio
async def fetch(i):
    await asyncio.sleep(1)
    return i
async def sequential():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = [await fetch(i) for i in range(3)]
    print("sequential", results, loop.time() - start)
async def concurrent():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(fetch(i) for i in range(3)))
    print("concurrent", results, loop.time() - start)
async def main():
    await sequential()
    await concurrent()
asyncio.run(main())
