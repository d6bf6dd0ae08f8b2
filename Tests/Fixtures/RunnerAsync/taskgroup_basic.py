import asyncio
async def w(n):
    await asyncio.sleep(n)
    print("w", n)
    return n
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(w(0.2))
        b = tg.create_task(w(0.1))
    print(a.result(), b.result(), asyncio.get_running_loop().time())
asyncio.run(main())
