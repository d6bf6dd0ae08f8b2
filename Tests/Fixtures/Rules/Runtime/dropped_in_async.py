# Runnable: every coroutine AIO201 marks here, CPython reports as never awaited, and no other.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n


async def notify():
    await asyncio.sleep(0)


async def is_ready():
    await asyncio.sleep(0)
    return True


async def audit():
    await asyncio.sleep(0)


async def save():
    await asyncio.sleep(0)


async def main():
    fetch(1)
    _ = notify()
    if is_ready():
        print("always true")
    unused = audit()
    job = save()
    await job
    job = save()
    job = None
    value = await fetch(2)
    task = asyncio.create_task(fetch(3))
    await task
    print(value, job)


asyncio.run(main())
