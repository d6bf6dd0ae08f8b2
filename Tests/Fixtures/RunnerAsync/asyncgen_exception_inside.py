import asyncio
async def gen():
    yield 1
    await asyncio.sleep(0.2)
    raise ValueError("gen broke")
async def main():
    try:
        async for v in gen():
            print(v)
    except ValueError as e:
        print("caught", e, asyncio.get_running_loop().time())
asyncio.run(main())
