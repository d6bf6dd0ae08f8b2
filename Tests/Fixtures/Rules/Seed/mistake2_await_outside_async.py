# The seed's "Mistake 2 — Using await outside async def", wrong version.
import asyncio


async def fetch_data(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def process():
    data = await fetch_data(1)  # AIO101: SyntaxError: 'await' outside async function
