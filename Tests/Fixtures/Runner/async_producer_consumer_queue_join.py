import asyncio
async def worker(name, q, results):
    while True:
        item = await q.get()
        await asyncio.sleep(item * 0.01)
        results.append((name, item))
        q.task_done()
async def main():
    q = asyncio.Queue()
    results = []
    for i in range(6):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(2)]
    await q.join()
    for w in workers:
        w.cancel()
    print(results)
    print(round(asyncio.get_running_loop().time(), 6))
asyncio.run(main())
