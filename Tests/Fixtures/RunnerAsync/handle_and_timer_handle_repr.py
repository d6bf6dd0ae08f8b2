import asyncio
def cb(x, y=None):
    print("cb", x)
async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(cb, 1)
    t = loop.call_later(1.5, cb, "two")
    a = loop.call_at(loop.time() + 2, print, "three", 4)
    print(h)
    print(t)
    print(a)
    t.cancel()
    print(t, t.cancelled())
    await asyncio.sleep(3)
    print(h)
asyncio.run(main())
