# Mistake 2 of the seed: `await` in a plain `def` is a SyntaxError (AIO101).
import asyncio


async def fetch_data(n: int) -> dict:
    await asyncio.sleep(0.1)
    return {"id": n}


def process():
    data = await fetch_data(1)  # SyntaxError: 'await' outside async function
    return data
