import asyncio
order = []
async def task(i):
    await asyncio.sleep((i % 3) * 0.1)
    order.append(i)
async def main():
    await asyncio.gather(*(task(i) for i in range(9)))
    print(order)
    order.clear()
    tasks = [asyncio.create_task(task(i)) for i in range(6)]
    for t in tasks:
        await t
    print(order, asyncio.get_running_loop().time())
asyncio.run(main())
