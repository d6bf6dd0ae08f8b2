import asyncio
async def gen():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("gen finally")
async def main():
    g = gen()
    async for x in g:
        print(x)
        if x == 2:
            break
    await g.aclose()
    print("closed")
asyncio.run(main())
