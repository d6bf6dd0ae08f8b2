import asyncio
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0.1)
        self.i += 1
        return self.i
class Session:
    async def __aenter__(self):
        print("session open")
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, et, e, tb):
        print("session close", et)
        return False
async def main():
    async with Session() as s:
        async for t in Ticker(3):
            print("tick", t, asyncio.get_running_loop().time())
    print([x async for x in Ticker(2)] if False else "skip")
asyncio.run(main())
