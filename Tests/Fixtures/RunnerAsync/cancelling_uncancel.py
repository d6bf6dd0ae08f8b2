import asyncio
async def main():
    t = asyncio.current_task()
    print(t.cancelling())
    t.cancel()
    print(t.cancelling())
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught", t.cancelling())
        print(t.uncancel())
    await asyncio.sleep(1)
    print("still running", asyncio.get_running_loop().time())
asyncio.run(main())
