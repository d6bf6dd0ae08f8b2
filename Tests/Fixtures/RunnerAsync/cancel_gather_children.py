import asyncio
async def w(i):
    try:
        await asyncio.sleep(i)
        print("w", i, "done")
    except asyncio.CancelledError:
        print("w", i, "cancelled")
        raise
async def main():
    g = asyncio.gather(w(1), w(2), w(3))
    await asyncio.sleep(1.5)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
asyncio.run(main())
