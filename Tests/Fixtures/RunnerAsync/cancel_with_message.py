import asyncio
async def child():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("child got", repr(e.args))
        raise
async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(1)
    t.cancel("enough")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got", e.args)
    print(asyncio.get_running_loop().time())
asyncio.run(main())
