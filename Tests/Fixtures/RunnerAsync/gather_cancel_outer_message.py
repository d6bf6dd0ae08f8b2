import asyncio
async def w():
    await asyncio.sleep(10)
async def main():
    g = asyncio.gather(w(), w())
    asyncio.get_running_loop().call_later(1, g.cancel, "halt")
    try:
        await g
    except asyncio.CancelledError as e:
        print("cancelled", e.args, asyncio.get_running_loop().time())
asyncio.run(main())
