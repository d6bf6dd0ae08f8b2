# Fixture for rule AIO204, asyncio-run-in-async
import asyncio
from asyncio import run


async def fetch():
    await asyncio.sleep(0)
    return 1


async def main():  # OK for AIO302: its coroutine is handed to asyncio.run below, which needs one
    result = asyncio.run(fetch())  # AIO204
    other = run(fetch())  # AIO204: imported under its own name
    return result, other


async def nested_sync_is_fine():
    def helper():
        return asyncio.run(fetch())  # OK: a plain function may be run from a thread
    return await asyncio.to_thread(helper)


def entry():
    return asyncio.run(main())  # OK
