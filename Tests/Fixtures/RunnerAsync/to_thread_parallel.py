import asyncio, time
def job(name, s):
    print("submit", name, time.monotonic())
    time.sleep(s)
    return name
async def main():
    res = await asyncio.gather(*(asyncio.to_thread(job, f"j{i}", i * 0.5) for i in range(4)))
    print(res, asyncio.get_running_loop().time())
asyncio.run(main())
