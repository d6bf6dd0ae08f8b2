import asyncio
async def fetch():
    return 1
async def helper():
    async def inner():
        pass
    inner()
async def main():
    fetch()
    await helper()
    c = fetch()
    print("done")
asyncio.run(main())
fetch()
