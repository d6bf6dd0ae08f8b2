import asyncio
async def job(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("end", name)
    return name
async def main():
    res = await asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2))
    print(res, asyncio.get_running_loop().time())
asyncio.run(main())
