import asyncio
async def ok(d):
    await asyncio.sleep(d)
    print("ok finished", d)
    return d
async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("bad task")
async def main():
    try:
        await asyncio.gather(ok(0.2), bad(), ok(0.05))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.5)
    print(await asyncio.gather(ok(0.1), bad(), return_exceptions=True))
asyncio.run(main())
