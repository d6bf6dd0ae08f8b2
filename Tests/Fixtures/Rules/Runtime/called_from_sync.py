# Runnable: coroutine functions called from synchronous code (AIO203), and ones run properly.
import asyncio


async def main():
    await asyncio.sleep(1)
    print("main ran")


async def coroutine():
    await asyncio.sleep(0)
    return "async result"


async def background():
    await asyncio.sleep(0)


def start():
    background()


def factory():
    return coroutine()


coro = coroutine()
print(type(coro).__name__)
start()
print(asyncio.run(factory()))
asyncio.run(main())
main()
