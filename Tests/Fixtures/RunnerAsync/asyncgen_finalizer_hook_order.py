import asyncio
# An async generator dropped while suspended is closed by a task the loop creates one iteration
# later (the finalizer hook); one still referenced when main ends is closed by shutdown_asyncgens.
async def ticks(name):
    try:
        i = 0
        while True:
            yield i
            i += 1
            await asyncio.sleep(0.1)
    finally:
        print("close", name, asyncio.get_running_loop().time())
        await asyncio.sleep(0.05)
        print("closed", name, asyncio.get_running_loop().time())
kept = None
async def main():
    global kept
    async for x in ticks("a"):
        if x == 1:
            break
    print("broke out", asyncio.get_running_loop().time())
    await asyncio.sleep(0)
    print("one iteration later")
    await asyncio.sleep(0)
    print("two iterations later", asyncio.current_task().get_name())
    t = asyncio.create_task(asyncio.sleep(0))
    print("next task is", t.get_name())
    kept = ticks("b")
    print(await kept.__anext__(), await kept.__anext__())
    await asyncio.sleep(1)
    print("main end", asyncio.get_running_loop().time())
asyncio.run(main())
print("run returned", kept is not None)
