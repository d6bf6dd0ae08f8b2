import asyncio
async def getter(q, name):
    try:
        v = await q.get()
        print(name, "got", v)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def main():
    q = asyncio.Queue()
    a = asyncio.create_task(getter(q, "a"))
    b = asyncio.create_task(getter(q, "b"))
    await asyncio.sleep(0)
    q.put_nowait(1)
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print(q.qsize())
asyncio.run(main())
