import asyncio
async def main():
    t = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.5, t.cancel)
    await asyncio.sleep(2)
    print("not reached")
asyncio.run(main())
