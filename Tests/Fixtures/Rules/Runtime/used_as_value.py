# Runnable: the seed's Mistake 1 and friends (AIO202); `later` is used first but then awaited.
import asyncio


async def fetch_data(n):
    await asyncio.sleep(0.5)
    return {"id": n}


async def lookup(n):
    await asyncio.sleep(0)
    return n


async def later_one():
    await asyncio.sleep(0)
    return 1


async def main():
    result = fetch_data(1)  # forgot await — result is a coroutine, not data!
    print(type(result).__name__)
    print(result is not None)
    size = lookup(2)
    print(f"{type(size).__name__}")
    later = later_one()
    print(type(later).__name__, later is None)
    print(await later)


asyncio.run(main())
