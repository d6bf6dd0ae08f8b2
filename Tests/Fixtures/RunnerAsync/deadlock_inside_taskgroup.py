import asyncio
async def consumer(q):
    print("consumer waits")
    return await q.get()
async def main():
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(consumer(q))
        tg.create_task(consumer(q))
asyncio.run(main())
