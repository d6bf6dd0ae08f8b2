import asyncio
async def w(n, fail=False):
    await asyncio.sleep(n)
    if fail:
        raise ValueError(n)
    return n
async def main():
    tasks = [asyncio.create_task(w(2)), asyncio.create_task(w(1, True)), asyncio.create_task(w(0.5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), asyncio.get_running_loop().time())
    print(sorted(t.exception() is not None for t in done))
    await asyncio.wait(pending)
asyncio.run(main())
