import asyncio
async def f(i):
    await asyncio.sleep(0.1 * i)
    if i % 2:
        raise ValueError(i)
    return i
async def main():
    res = await asyncio.gather(*(f(i) for i in range(5)), return_exceptions=True)
    print([repr(r) for r in res])
asyncio.run(main())
