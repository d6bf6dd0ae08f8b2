# The seed's correct forms: await inside async def, gather for concurrency, asyncio.run from sync code.
import asyncio


async def fetch_data(delay: float, value: str) -> str:
    await asyncio.sleep(delay)  # non-blocking wait — yields to event loop
    return value


async def main():
    first, second = await asyncio.gather(fetch_data(0.5, "hello"), fetch_data(0.5, "world"))
    print(first, second)


asyncio.run(main())
