import asyncio
async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("ignoring cancel")
    await asyncio.sleep(1)
    return "finished anyway"
async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print(t.cancel())
    print(await t, t.cancelled())
asyncio.run(main())
