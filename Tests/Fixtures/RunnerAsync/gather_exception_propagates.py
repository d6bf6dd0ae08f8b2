import asyncio
async def ok(n):
    await asyncio.sleep(n)
    print("ok", n)
    return n
async def bad():
    await asyncio.sleep(0.5)
    raise ValueError("boom")
async def main():
    try:
        await asyncio.gather(ok(1), bad(), ok(0.2))
    except ValueError as e:
        print("gather raised", e, asyncio.get_running_loop().time())
    await asyncio.sleep(1)
    print("end", asyncio.get_running_loop().time())
asyncio.run(main())
