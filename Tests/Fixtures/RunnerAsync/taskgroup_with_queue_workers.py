import asyncio
# A TaskGroup of queue workers; one fails, the group cancels the others (blocked in Queue.get)
# and the ExceptionGroup carries the error.
async def worker(q, name, results):
    while True:
        item = await q.get()
        if item == 4:
            raise ValueError(f"{name} cannot handle {item}")
        await asyncio.sleep(0.1 * item)
        results.append((name, item, round(asyncio.get_running_loop().time(), 3)))
        q.task_done()
async def main():
    q = asyncio.Queue()
    results = []
    for i in range(6):
        q.put_nowait(i)
    try:
        async with asyncio.TaskGroup() as tg:
            for n in ("w0", "w1", "w2"):
                tg.create_task(worker(q, n, results))
    except* ValueError as eg:
        print("errors:", [str(e) for e in eg.exceptions])
    print(results)
    print(q.qsize(), asyncio.get_running_loop().time())
asyncio.run(main())
