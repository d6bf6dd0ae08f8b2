import asyncio
async def ok(n):
    await asyncio.sleep(n / 10)
    return n
async def fail(n):
    await asyncio.sleep(n / 10)
    raise RuntimeError(f"failed {n}")
async def main():
    results = await asyncio.gather(ok(3), fail(1), ok(2), fail(4), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    print(asyncio.get_running_loop().time())
asyncio.run(main())
