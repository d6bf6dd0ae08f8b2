import asyncio
async def putter(q, v):
    try:
        await q.put(v)
        print("put", v)
    except asyncio.CancelledError:
        print("putter cancelled", v)
        raise
async def main():
    q = asyncio.Queue(1)
    q.put_nowait(0)
    a = asyncio.create_task(putter(q, 1))
    b = asyncio.create_task(putter(q, 2))
    await asyncio.sleep(0)
    print("get", q.get_nowait())
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print(q.qsize(), q.get_nowait())
asyncio.run(main())
