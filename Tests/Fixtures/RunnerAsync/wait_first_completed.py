import asyncio
async def w(n):
    await asyncio.sleep(n)
    return n
async def main():
    tasks = [asyncio.create_task(w(n)) for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending), asyncio.get_running_loop().time())
    for t in pending:
        t.cancel()
asyncio.run(main())
