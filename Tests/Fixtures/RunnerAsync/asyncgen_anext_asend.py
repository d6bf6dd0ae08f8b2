import asyncio
async def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return
async def main():
    g = echo()
    print(await g.__anext__())
    print(await g.asend("hi"))
    print(await anext(g, "default"))
    try:
        await g.asend("stop")
    except StopAsyncIteration:
        print("stopped")
asyncio.run(main())
