import asyncio
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 1) as cm:
            cm.reschedule(loop.time() + 2.5)
            await asyncio.sleep(10)
    except TimeoutError:
        print("expired", cm.expired(), loop.time())
asyncio.run(main())
