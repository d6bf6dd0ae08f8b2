import asyncio
async def work():
    await asyncio.sleep(1)
    print("work done", asyncio.get_running_loop().time())
    return 5
async def main():
    inner = asyncio.ensure_future(work())
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", inner.done())
    print(await inner)
asyncio.run(main())
