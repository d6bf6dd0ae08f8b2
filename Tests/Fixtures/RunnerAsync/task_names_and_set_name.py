import asyncio
async def w():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()
async def main():
    t1 = asyncio.create_task(w())
    t2 = asyncio.create_task(w(), name="worker")
    t3 = asyncio.create_task(w())
    t3.set_name("renamed")
    print(await t1, await t2, await t3)
    print(asyncio.create_task(w()).get_name())
asyncio.run(main())
