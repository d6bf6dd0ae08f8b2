import asyncio
async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print("cancelled; lock held again:", cond.locked())
            raise
async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    async with cond:
        t.cancel()
        await asyncio.sleep(0.5)
        print("main holds lock", cond.locked())
    await asyncio.gather(t, return_exceptions=True)
    print(cond.locked(), asyncio.get_running_loop().time())
asyncio.run(main())
