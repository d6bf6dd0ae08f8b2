import asyncio
async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.5)
            yield i
    finally:
        print("ticks cleanup")
async def main():
    async for t in ticks(3):
        print("tick", t, asyncio.get_running_loop().time())
    print([x async for x in ticks(2)])
    agen = ticks(5)
    print(await agen.__anext__(), await agen.__anext__())
    await agen.aclose()
    print("closed")
asyncio.run(main())
