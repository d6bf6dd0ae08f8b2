import asyncio
async def w():
    return 1
async def main():
    c = w()
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError", e)
    c.close()
asyncio.run(main())
