import asyncio
async def important():
    await asyncio.sleep(2)
    print("important finished", asyncio.get_running_loop().time())
    return "saved"
async def main():
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), 1)
    except TimeoutError:
        print("outer timed out", inner.cancelled())
    print(await inner)
asyncio.run(main())
