import asyncio
def bad():
    raise ValueError("in callback")
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    loop.call_soon(print, "after")
    await asyncio.sleep(0.1)
    print("main done", loop.time())
asyncio.run(main())
