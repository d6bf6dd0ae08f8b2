import asyncio
async def w(i, out):
    await asyncio.sleep(0.5)
    out.append(i)
async def main():
    out = []
    await asyncio.gather(*(w(i, out) for i in range(20)))
    print(out)
asyncio.run(main())
