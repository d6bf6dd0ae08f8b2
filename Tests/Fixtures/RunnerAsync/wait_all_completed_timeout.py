import asyncio
async def w(n):
    await asyncio.sleep(n)
    return n
async def main():
    tasks = [asyncio.create_task(w(n)) for n in (0.5, 1.5, 2.5)]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print(sorted(t.result() for t in done), len(pending), asyncio.get_running_loop().time())
    done, pending = await asyncio.wait(pending)
    print(len(done), len(pending), asyncio.get_running_loop().time())
asyncio.run(main())
