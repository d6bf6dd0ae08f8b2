import asyncio
async def parse(raw):
    await asyncio.sleep(0)
    return int(raw)
async def handle(raw):
    value = await parse(raw)
    return value * 2
async def main():
    print(await handle("21"))
    print(await handle("x"))
asyncio.run(main())
