import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(3)
    print(await asyncio.wait_for(fut, 0))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0)
    except TimeoutError:
        print("zero timeout")
asyncio.run(main())
