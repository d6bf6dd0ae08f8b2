# The seed's "Mistake 1 — Forgetting to await a coroutine", wrong version, verbatim after the
# seed's own definition of fetch_data.
import asyncio


async def fetch_data(delay: float, value: str) -> str:
    await asyncio.sleep(delay)  # non-blocking wait — yields to event loop
    return value


async def main():  # AIO302: as written, main awaits nothing either
    result = fetch_data(1)  # forgot await — result is a coroutine, not data!
    print(result)  # AIO202: <coroutine object fetch_data ...>
