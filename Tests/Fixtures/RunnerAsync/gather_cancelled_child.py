import asyncio
async def w(n):
    await asyncio.sleep(n)
    return n
async def main():
    t = asyncio.create_task(w(5))
    loop = asyncio.get_running_loop()
    loop.call_later(1, t.cancel)
    res = await asyncio.gather(t, w(2), return_exceptions=True)
    print([type(r).__name__ for r in res], loop.time())
asyncio.run(main())
