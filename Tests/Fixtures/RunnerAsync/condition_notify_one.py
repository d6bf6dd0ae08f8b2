import asyncio
async def waiter(cond, i):
    async with cond:
        await cond.wait()
        print("woken", i)
async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(cond, i)) for i in range(3)]
    await asyncio.sleep(0)
    for _ in range(3):
        async with cond:
            cond.notify(1)
        await asyncio.sleep(0.5)
    await asyncio.gather(*ts)
asyncio.run(main())
