import asyncio
async def gen():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("gen finally")
async def main():
    async for x in gen():
        print(x)
        if x == 2:
            break
    print("after loop", asyncio.get_running_loop().time())
    g = gen()
    print(await g.__anext__())
    print("main end")
asyncio.run(main())
print("run returned")
