import asyncio
async def waiter(name, event, results):
    await event.wait()
    results.append(name)
    print(name, "proceeds at", asyncio.get_running_loop().time())
async def setter(event):
    await asyncio.sleep(1.5)
    print("setting event")
    event.set()
async def main():
    event = asyncio.Event()
    results = []
    await asyncio.gather(*(waiter(f"w{i}", event, results) for i in range(3)), setter(event))
    print(results, event.is_set())
asyncio.run(main())
