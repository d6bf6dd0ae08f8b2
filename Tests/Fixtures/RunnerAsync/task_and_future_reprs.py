import asyncio
async def w(n):
    await asyncio.sleep(n)
    return n
async def bad():
    raise ValueError("x")
async def main():
    t = asyncio.create_task(w(1))
    print(repr(t))
    await asyncio.sleep(0)
    print(repr(t))
    t2 = asyncio.create_task(bad())
    await asyncio.sleep(0)
    print(repr(t2))
    t.cancel()
    await asyncio.sleep(0)
    print(repr(t))
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(print)
    print(repr(f))
    print(repr(asyncio.current_task())[:60])
    t3 = asyncio.create_task(w(2))
    await asyncio.sleep(0)
    t3.cancel()
    print(repr(t3))
asyncio.run(main())
