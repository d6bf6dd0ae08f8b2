import asyncio
async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner finally", asyncio.get_running_loop().time())
async def outer():
    await asyncio.wait_for(inner(), 5)
async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled")
asyncio.run(main())
