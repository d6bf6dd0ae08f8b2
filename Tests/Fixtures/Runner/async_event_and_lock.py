import asyncio
async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "released")
async def critical(lock, name):
    async with lock:
        print(name, "in")
        await asyncio.sleep(0.1)
        print(name, "out")
async def main():
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(1)
    ev.set()
    await asyncio.gather(*ws)
    lock = asyncio.Lock()
    await asyncio.gather(*(critical(lock, f"c{i}") for i in range(3)))
    print("done", asyncio.get_running_loop().time())
asyncio.run(main())
