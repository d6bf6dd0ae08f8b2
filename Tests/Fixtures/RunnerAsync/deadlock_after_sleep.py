import asyncio
async def main():
    await asyncio.sleep(2)
    q = asyncio.Queue()
    print("waiting at", asyncio.get_running_loop().time())
    await q.get()
asyncio.run(main())
