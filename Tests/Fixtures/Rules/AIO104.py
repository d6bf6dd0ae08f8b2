# Fixture for rule AIO104, return-value-in-async-generator
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    return n  # AIO104


async def early(n):
    if n:
        return None  # AIO104: even None counts, before the yield too
    await asyncio.sleep(0)
    yield n


async def bare(n):
    await asyncio.sleep(0)
    yield n
    return  # OK


async def not_a_generator(n):
    gen = (i for i in range(n))  # a yield in a genexp does not make this a generator
    await asyncio.sleep(0)
    return gen  # OK
