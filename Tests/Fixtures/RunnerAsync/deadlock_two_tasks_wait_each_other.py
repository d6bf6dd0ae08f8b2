import asyncio
async def a(ev_mine, ev_other):
    await ev_other.wait()
    ev_mine.set()
async def main():
    e1, e2 = asyncio.Event(), asyncio.Event()
    await asyncio.gather(a(e1, e2), a(e2, e1))
asyncio.run(main())
