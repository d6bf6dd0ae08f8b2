import asyncio
async def w(ev, i):
    print("waiting", i)
    await ev.wait()
    print("released", i, asyncio.get_running_loop().time())
async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(w(ev, i)) for i in range(3)]
    await asyncio.sleep(2)
    ev.set()
    await asyncio.gather(*ts)
    ev.clear()
    print(ev.is_set())
asyncio.run(main())
