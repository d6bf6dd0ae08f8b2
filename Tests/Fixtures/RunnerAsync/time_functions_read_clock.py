import asyncio, time
async def main():
    t0 = time.monotonic()
    await asyncio.sleep(1.25)
    print(time.monotonic() - t0, time.perf_counter(), time.time())
    time.sleep(0.75)
    print(asyncio.get_running_loop().time())
asyncio.run(main())
