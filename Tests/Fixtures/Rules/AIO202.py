# Fixture for rule AIO202, coroutine-used-as-value
import asyncio


async def fetch_data(n):
    await asyncio.sleep(0)
    return {"id": n}


async def mistake_one():  # AIO302: true as well, until the await is added
    result = fetch_data(1)  # forgot await — result is a coroutine, not data!
    print(result)  # AIO202: the seed's Mistake 1


async def more_uses():  # AIO302
    a = fetch_data(2)
    value = a["id"]  # AIO202: indexed
    b = fetch_data(3)
    total = b + 1  # AIO202: arithmetic
    c = fetch_data(4)
    text = f"{c}"  # AIO202: formatted
    d = fetch_data(5)
    if d:  # AIO202: tested for truth
        pass
    e = fetch_data(6)
    e.keys()  # AIO202: attribute read
    print(fetch_data(7))  # AIO202: printed directly
    return value, total, text


async def used_then_awaited():
    r = fetch_data(8)
    print(r)  # AIO202: used before it is awaited
    return await r


async def fine():
    r = fetch_data(9)
    data = await r  # OK
    print(data)  # OK
    s = fetch_data(10)  # AIO201: only inspected, never run
    print(type(s))
    return data
