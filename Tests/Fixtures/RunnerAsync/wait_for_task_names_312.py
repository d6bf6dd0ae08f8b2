import asyncio
async def quick():
    await asyncio.sleep(0.1)
    return asyncio.current_task().get_name()
async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("slow sees cancel in", asyncio.current_task().get_name())
        raise
async def main():
    print(await asyncio.wait_for(quick(), 1))
    try:
        await asyncio.wait_for(slow(), 0.5)
    except TimeoutError as e:
        print("timeout", type(e.__cause__).__name__, asyncio.get_running_loop().time())
    t = asyncio.create_task(quick())
    print(await t)
asyncio.run(main())
