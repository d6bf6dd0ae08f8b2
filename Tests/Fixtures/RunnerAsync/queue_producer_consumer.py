import asyncio
async def producer(q):
    for i in range(5):
        await q.put(i)
        print("put", i)
        await asyncio.sleep(0.1)
    await q.put(None)
async def consumer(q):
    while (item := await q.get()) is not None:
        print("got", item, asyncio.get_running_loop().time())
        q.task_done()
    q.task_done()
async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    await q.join()
    print("joined")
asyncio.run(main())
