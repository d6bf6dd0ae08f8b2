import asyncio
async def main():
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_soon(print, "soon", i)
    await asyncio.sleep(0)
    print("after sleep0")
asyncio.run(main())
