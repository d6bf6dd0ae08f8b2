import asyncio
async def f():
    return 9
async def main():
    t = asyncio.create_task(f())
    await asyncio.sleep(0)
    print(await asyncio.wait_for(t, 1), await asyncio.wait_for(t, None))
    print(await asyncio.wait_for(f(), None))
asyncio.run(main())
