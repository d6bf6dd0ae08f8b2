import asyncio
async def main():
    loop = asyncio.get_running_loop()
    hs = [loop.call_later(i, print, i) for i in range(1, 4)]
    for h in hs:
        h.cancel()
    await asyncio.sleep(0.5)
    print("now", loop.time())
    await loop.create_future()
asyncio.run(main())
