import asyncio
async def worker():
    try:
        while True:
            await asyncio.sleep(0.3)
            print("tick")
    finally:
        print("cleanup at", asyncio.get_running_loop().time())
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("done", t.cancelled())
asyncio.run(main())
