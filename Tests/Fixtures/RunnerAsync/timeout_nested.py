import asyncio
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(5)
            except TimeoutError:
                print("inner at", loop.time())
            await asyncio.sleep(5)
    except TimeoutError:
        print("outer at", loop.time())
asyncio.run(main())
