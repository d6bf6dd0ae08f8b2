import asyncio
async def long_job():
    try:
        print("job started")
        await asyncio.sleep(10)
        print("never")
    except asyncio.CancelledError:
        print("job cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("job cleanup")
async def main():
    t = asyncio.create_task(long_job())
    await asyncio.sleep(1)
    print("cancelling", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw cancellation", t.cancelled(), t.done())
asyncio.run(main())
