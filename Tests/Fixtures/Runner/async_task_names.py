import asyncio
async def noop():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()
async def main():
    tasks = [asyncio.create_task(noop()) for _ in range(3)]
    named = asyncio.create_task(noop(), name="custom")
    print(await asyncio.gather(*tasks, named))
    print(asyncio.current_task().get_name())
asyncio.run(main())
asyncio.run(main())
