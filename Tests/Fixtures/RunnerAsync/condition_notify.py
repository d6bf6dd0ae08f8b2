import asyncio
async def consumer(cond, name, box):
    async with cond:
        await cond.wait_for(lambda: box)
        print(name, "sees", box[0])
async def main():
    cond = asyncio.Condition()
    box = []
    ts = [asyncio.create_task(consumer(cond, n, box)) for n in "ab"]
    await asyncio.sleep(1)
    async with cond:
        box.append(7)
        cond.notify_all()
    await asyncio.gather(*ts)
    print(asyncio.get_running_loop().time())
asyncio.run(main())
