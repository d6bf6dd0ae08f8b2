import asyncio
async def worker(q):
    while True:
        item = await q.get()
        await asyncio.sleep(0.1)
        print("done", item)
        q.task_done()
async def main():
    q = asyncio.LifoQueue()
    for i in range(4):
        q.put_nowait(i)
    w = asyncio.create_task(worker(q))
    await q.join()
    print("all done at", asyncio.get_running_loop().time())
    w.cancel()
asyncio.run(main())
