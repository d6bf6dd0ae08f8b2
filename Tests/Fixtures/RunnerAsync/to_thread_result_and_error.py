import asyncio, time
def work(x):
    time.sleep(0.5)
    if x < 0:
        raise ValueError("negative")
    return x * 2
async def main():
    print(await asyncio.to_thread(work, 4), asyncio.get_running_loop().time())
    try:
        await asyncio.to_thread(work, -1)
    except ValueError as e:
        print("error", e, asyncio.get_running_loop().time())
asyncio.run(main())
