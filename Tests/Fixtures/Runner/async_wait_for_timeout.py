import asyncio
async def slow():
    try:
        await asyncio.sleep(5)
        return "slow result"
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise
async def fast():
    await asyncio.sleep(0.5)
    return "fast result"
async def main():
    print(await asyncio.wait_for(fast(), timeout=1))
    try:
        await asyncio.wait_for(slow(), timeout=2)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
asyncio.run(main())
