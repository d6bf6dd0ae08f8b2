import asyncio
async def w(n):
    await asyncio.sleep(n)
    return n
async def main():
    try:
        for fut in asyncio.as_completed([w(1), w(5)], timeout=2):
            print(await fut)
    except TimeoutError:
        print("timeout", asyncio.get_running_loop().time())
asyncio.run(main())
