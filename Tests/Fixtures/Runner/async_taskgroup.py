import asyncio
async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "done at", asyncio.get_running_loop().time())
        return name
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 1))
        b = tg.create_task(job("b", 2))
    print("results", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("c", 1))
            tg.create_task(job("d", 0.5, fail=True))
            tg.create_task(job("e", 3))
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("f", 1, fail=True))
asyncio.run(main())
