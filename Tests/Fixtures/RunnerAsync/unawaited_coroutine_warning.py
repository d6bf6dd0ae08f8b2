import asyncio
async def fetch():
    print("never")
async def main():
    fetch()
    await asyncio.sleep(0.1)
    print("main done")
asyncio.run(main())
