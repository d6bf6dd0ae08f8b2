import asyncio
async def stage(name, inq, outq, delay):
    while True:
        item = await inq.get()
        if item is None:
            await outq.put(None)
            return
        await asyncio.sleep(delay)
        await outq.put(f"{item}>{name}")
async def main():
    q1, q2, q3 = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    asyncio.create_task(stage("A", q1, q2, 0.2))
    asyncio.create_task(stage("B", q2, q3, 0.3))
    for i in range(3):
        await q1.put(i)
    await q1.put(None)
    while (r := await q3.get()) is not None:
        print(r, round(asyncio.get_running_loop().time(), 6))
asyncio.run(main())
