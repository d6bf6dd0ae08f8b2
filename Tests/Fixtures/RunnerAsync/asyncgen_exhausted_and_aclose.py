import asyncio
# Exhausted or explicitly closed async generators are not closed again by the loop.
async def count(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("finally", n)
async def main():
    print([x async for x in count(3)])
    g = count(5)
    print(await g.__anext__())
    await g.aclose()
    print("after aclose")
    g2 = count(4)
    print(await anext(g2))
    del g2
    await asyncio.sleep(0)
    print("after del")
    await asyncio.sleep(0)
    print("end", asyncio.get_running_loop().time())
asyncio.run(main())
