import asyncio
async def main():
    q = asyncio.PriorityQueue()
    for p, v in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
        await q.put((p, v))
    while not q.empty():
        print(await q.get())
asyncio.run(main())
