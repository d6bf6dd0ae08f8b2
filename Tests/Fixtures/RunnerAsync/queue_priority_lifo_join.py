import asyncio
async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "z"), (0, "first")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        await lq.put(i)
    print(lq.full(), lq.qsize(), [await lq.get() for _ in range(3)])
    q = asyncio.Queue()
    async def worker(name):
        while True:
            item = await q.get()
            await asyncio.sleep(item)
            print(name, "did", item, asyncio.get_running_loop().time())
            q.task_done()
    ws = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    for d in [0.3, 0.1, 0.2, 0.1]:
        q.put_nowait(d)
    await q.join()
    print("joined", asyncio.get_running_loop().time(), q.empty())
    for w in ws:
        w.cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)
    try:
        asyncio.Queue(maxsize=1).get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    q1 = asyncio.Queue(1)
    q1.put_nowait(1)
    try:
        q1.put_nowait(2)
    except asyncio.QueueFull:
        print("full")
    print(q1.maxsize, q1.qsize())
asyncio.run(main())
