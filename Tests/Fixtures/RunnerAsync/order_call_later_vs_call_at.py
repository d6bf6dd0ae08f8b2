import asyncio
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, print, "later 0.2")
    loop.call_at(loop.time() + 0.1, print, "at 0.1")
    h = loop.call_later(0.15, print, "cancelled")
    h.cancel()
    await asyncio.sleep(0.3)
    print(loop.time())
asyncio.run(main())
