import asyncio
async def main():
    q = asyncio.Queue(1)
    async def slow_get():
        await asyncio.sleep(1)
        print("got", await q.get())
    asyncio.create_task(slow_get())
    await q.put("a")
    print("put a")
    await q.put("b")
    print("put b at", asyncio.get_running_loop().time())
    print(q.qsize(), q.full())
asyncio.run(main())
