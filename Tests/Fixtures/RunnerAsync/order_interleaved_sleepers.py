import asyncio
async def w(name, d, n):
    for i in range(n):
        await asyncio.sleep(d)
        print(name, i, asyncio.get_running_loop().time())
async def main():
    await asyncio.gather(w("a", 0.3, 4), w("b", 0.5, 3), w("c", 0.2, 5))
asyncio.run(main())
