import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "later 0")
    loop.call_soon(print, "soon")
    loop.call_at(loop.time(), print, "at now")
    loop.call_later(-1, print, "later -1")
    await asyncio.sleep(0)
    print("after one")
    await asyncio.sleep(0)
    print("after two")
asyncio.run(main())
