import asyncio
q: asyncio.Queue[int] = asyncio.Queue()
def mk(c) -> asyncio.Task[int]:
    return asyncio.ensure_future(c)
async def f(x: asyncio.Future[str]) -> None:
    print(await x)
async def main():
    loop = asyncio.get_running_loop()
    fut: asyncio.Future[str] = loop.create_future()
    loop.call_soon(fut.set_result, "hi")
    await f(fut)
    print(type(asyncio.Queue[int]).__name__ != "", q.qsize())
asyncio.run(main())
