import asyncio
async def main():
    ev = asyncio.Event()
    ev.set()
    print(await ev.wait())
    ev.clear()
    async def later():
        await asyncio.sleep(0.3)
        ev.set()
        ev.clear()
    asyncio.create_task(later())
    print(await ev.wait(), ev.is_set(), asyncio.get_running_loop().time())
asyncio.run(main())
