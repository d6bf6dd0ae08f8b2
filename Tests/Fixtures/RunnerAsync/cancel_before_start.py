import asyncio
async def child():
    print("never printed")
async def main():
    t = asyncio.create_task(child())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled(), t.done())
asyncio.run(main())
