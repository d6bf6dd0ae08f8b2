import asyncio
async def main():
    s = asyncio.sleep(1)
    print(s, type(s).__name__, asyncio.iscoroutine(s))
    q = asyncio.Queue()
    g = q.get()
    print(g)
    s.close()
    g.close()
    print(asyncio.sleep(0))
asyncio.run(main())
