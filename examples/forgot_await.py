# Mistake 1 of the seed: a coroutine is called but never awaited (AIO201/AIO202).
import asyncio


async def fetch_data(n: int) -> dict:
    await asyncio.sleep(0.1)
    return {"id": n}


async def main():
    result = fetch_data(1)  # forgot await — result is a coroutine, not data!
    print(result)           # <coroutine object fetch_data ...>


asyncio.run(main())
