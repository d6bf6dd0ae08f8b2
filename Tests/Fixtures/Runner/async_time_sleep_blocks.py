import asyncio, time
async def blocker():
    print("blocking at", asyncio.get_running_loop().time())
    time.sleep(2)
    print("unblocked at", asyncio.get_running_loop().time())
async def other():
    await asyncio.sleep(1)
    print("other woke at", asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(blocker(), other())
asyncio.run(main())
