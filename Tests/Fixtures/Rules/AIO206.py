# Fixture for rule AIO206, await-non-awaitable
import asyncio
import time


def helper():
    print("sync")


def make_value():
    return 42


def make_coroutine():
    return asyncio.sleep(0)


async def main():
    await time.sleep(1)  # AIO206
    await helper()  # AIO206: returns None
    await make_value()  # AIO206: returns a plain value
    await make_coroutine()  # OK: returns an awaitable
    await asyncio.sleep(1)  # OK
