import asyncio
async def background():
    try:
        while True:
            await asyncio.sleep(0.4)
            print("bg tick", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print("bg cancelled by asyncio.run")
        raise
async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main returns")
asyncio.run(main())
