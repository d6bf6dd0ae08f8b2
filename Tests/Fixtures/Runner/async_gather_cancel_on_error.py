import asyncio
async def slow(name):
    try:
        await asyncio.sleep(1)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("boom")
async def main():
    t1 = asyncio.create_task(slow("t1"))
    try:
        await asyncio.gather(t1, boom())
    except ValueError as e:
        print("gather failed:", e, "t1 done?", t1.done())
    await asyncio.sleep(2)
    print("t1 done now?", t1.done(), t1.cancelled())
asyncio.run(main())
