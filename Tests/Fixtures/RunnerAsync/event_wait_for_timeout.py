import asyncio
async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.75)
    except TimeoutError:
        print("no event", asyncio.get_running_loop().time())
    asyncio.get_running_loop().call_later(0.5, ev.set)
    print(await asyncio.wait_for(ev.wait(), 1), asyncio.get_running_loop().time())
asyncio.run(main())
