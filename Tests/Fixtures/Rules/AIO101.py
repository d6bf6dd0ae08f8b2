# Fixture for rule AIO101, await-outside-async: every marked line must fire, no other line may.
import asyncio


async def fetch_data(n):
    await asyncio.sleep(0)
    return n


def process():
    data = await fetch_data(1)  # AIO101: the seed's Mistake 2
    return data


await fetch_data(2)  # AIO101: module level


class Service:
    value = await fetch_data(3)  # AIO101: class body

    async def method(self):
        return await fetch_data(4)  # OK


handler = lambda: await fetch_data(5)  # AIO101: lambda


async def outer():
    def inner():
        return await fetch_data(6)  # AIO101: nested plain def
    await fetch_data(7)  # OK
    results = [await fetch_data(i) for i in range(3)]  # OK: comprehension in async def
    gen = (await fetch_data(i) for i in range(3))  # OK: async generator expression
    return inner, results, gen


def uses_genexp():
    return (await fetch_data(i) for i in range(3))  # OK: a genexp may be asynchronous anywhere


def first_iterable():
    return [x for x in await fetch_data(8)]  # AIO101: the first iterable runs in the def


async def annotations_in_function():
    x: await fetch_data(9) = 1  # OK: annotations in a function body are not compiled
    return x
