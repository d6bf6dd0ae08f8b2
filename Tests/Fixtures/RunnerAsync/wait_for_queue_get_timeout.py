import asyncio
# wait_for around Queue.get: the timeout cancels the get; the getter is removed, and a later
# put wakes the next getter, not the cancelled one.
async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), timeout=0.5)
    except TimeoutError:
        print("timeout", loop.time(), q.qsize())
    async def consumer(name):
        v = await q.get()
        print(name, "got", v, loop.time())
        return v
    c1 = asyncio.create_task(consumer("c1"))
    c2 = asyncio.create_task(consumer("c2"))
    await asyncio.sleep(0.1)
    c1.cancel()
    await asyncio.sleep(0)
    q.put_nowait("x")
    print(await c2, c1.cancelled())
    q2 = asyncio.Queue(maxsize=1)
    await q2.put(1)
    try:
        async with asyncio.timeout(0.2):
            await q2.put(2)
    except TimeoutError:
        print("put timed out", loop.time(), q2.qsize(), q2.full())
    print(q2.get_nowait(), q2.empty())
asyncio.run(main())
