import asyncio
async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name
async def main():
    tasks = [asyncio.create_task(job(f"t{i}", d)) for i, d in enumerate([0.3, 0.1, 0.2])]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending), asyncio.get_running_loop().time())
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(sorted(t.result() for t in done), len(pending))
    for coro in asyncio.as_completed([job("x", 0.3), job("y", 0.1), job("z", 0.2)]):
        print("completed", await coro, asyncio.get_running_loop().time())
    inner = asyncio.create_task(job("shielded", 1))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.5)
    except TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled())
    print(await inner)
    q = asyncio.PriorityQueue()
    for p in [3, 1, 2]:
        await q.put((p, f"prio{p}"))
    print([(await q.get())[1] for _ in range(3)])
    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print([lq.get_nowait() for _ in range(3)])
    try:
        await asyncio.wait([job("c", 1)])
    except TypeError as e:
        print("TypeError:", e)
asyncio.run(main())
