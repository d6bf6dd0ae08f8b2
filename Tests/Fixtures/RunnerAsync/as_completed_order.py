import asyncio
async def w(n):
    await asyncio.sleep(n)
    return n
async def main():
    for fut in asyncio.as_completed([w(3), w(1), w(2)]):
        print(await fut, asyncio.get_running_loop().time())
asyncio.run(main())
