# Fixture for rule AIO102, async-syntax-outside-async
import asyncio


class Stream:
    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        raise StopAsyncIteration

    async def __aenter__(self):
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)


def read_all(stream):
    async for item in stream:  # AIO102
        print(item)
    async with Stream() as s:  # AIO102
        print(s)
    return [x async for x in stream]  # AIO102


def generator_ok(stream):
    return (x async for x in stream)  # OK: async generator expression


def nested(streams):
    return [[x async for x in s] for s in streams]  # AIO102: reported on the outer comprehension


async def fine(stream):
    async for item in stream:  # OK
        print(item)
    async with Stream():  # OK
        pass
    return [x async for x in stream]  # OK


async def lambda_inside(stream):  # AIO302
    return lambda: [x async for x in stream]  # AIO102: a lambda is not async


def with_await_in_comprehension(items):
    return {await asyncio.sleep(i) for i in items}  # AIO102: await makes the set comprehension asynchronous
