import asyncio
async def child(n):
    await asyncio.sleep(n)
    print("child", n)
async def main():
    try:
        async with asyncio.timeout(1.5):
            async with asyncio.TaskGroup() as tg:
                for n in (0.5, 1, 2, 3):
                    tg.create_task(child(n))
    except TimeoutError:
        print("timeout", asyncio.get_running_loop().time())
asyncio.run(main())
