import asyncio
async def f():
    await asyncio.sleep(0.1)
    return "x"
async def main():
    t = asyncio.create_task(f())
    print(await asyncio.gather(t, t, f()))
    print(await asyncio.gather())
asyncio.run(main())
