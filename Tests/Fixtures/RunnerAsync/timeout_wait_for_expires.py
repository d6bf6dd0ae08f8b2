import asyncio
async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise
async def main():
    try:
        await asyncio.wait_for(slow(), timeout=1.5)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
asyncio.run(main())
