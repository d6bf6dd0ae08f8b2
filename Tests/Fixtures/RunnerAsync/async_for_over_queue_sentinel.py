import asyncio
class QueueIter:
    def __init__(self, q):
        self.q = q
    def __aiter__(self):
        return self
    async def __anext__(self):
        item = await self.q.get()
        if item is None:
            raise StopAsyncIteration
        return item
async def main():
    q = asyncio.Queue()
    async def feed():
        for i in range(3):
            await asyncio.sleep(0.2)
            await q.put(i)
        await q.put(None)
    asyncio.create_task(feed())
    async for x in QueueIter(q):
        print(x, asyncio.get_running_loop().time())
asyncio.run(main())
