# Runnable: methods reached through self, library coroutines, loops, rebinding and closures.
import asyncio


class Worker:
    async def step(self, n):
        await asyncio.sleep(0.01)
        return n

    async def ping(self):
        await asyncio.sleep(0)

    async def run(self):
        self.ping()
        total = 0
        for n in range(3):
            total += await self.step(n)
        return total


async def tick():
    await asyncio.sleep(0)


async def tock():
    await asyncio.sleep(0)


async def main():
    worker = Worker()
    print(await worker.run())
    asyncio.sleep(1)
    for _ in range(2):
        tick()
    later = tock()
    callback = lambda: later
    await callback()
    coros = [worker.step(i) for i in range(2)]
    print(await asyncio.gather(*coros))


asyncio.run(main())
