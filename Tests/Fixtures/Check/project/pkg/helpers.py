import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n
