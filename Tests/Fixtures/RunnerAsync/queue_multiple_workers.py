import asyncio
async def worker(name, q, out):
    while True:
        n = await q.get()
        await asyncio.sleep(n)
        out.append((name, n))
        q.task_done()
async def main():
    q = asyncio.Queue()
    out = []
    for n in [0.3, 0.1, 0.2, 0.4, 0.1, 0.5]:
        q.put_nowait(n)
    ws = [asyncio.create_task(worker(f"w{i}", q, out)) for i in range(3)]
    await q.join()
    for w in ws:
        w.cancel()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print(out)
    print([type(r).__name__ for r in res], asyncio.get_running_loop().time())
asyncio.run(main())
