import asyncio, time
async def ticker():
    for _ in range(3):
        print("tick", asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)
async def blocker():
    await asyncio.sleep(0.1)
    print("blocking")
    time.sleep(2)
    print("unblocked", asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(ticker(), blocker())
asyncio.run(main())
