# Fixture for rule AIO103, yield-from-in-async
import asyncio


async def numbers(source):
    await asyncio.sleep(0)
    yield from source  # AIO103


def plain(source):
    yield from source  # OK


async def nested(source):
    await asyncio.sleep(0)

    def helper():
        yield from source  # OK: a plain generator inside the coroutine
    return helper
