# Fixture for rule AIO301, sequential-awaits
import asyncio


async def fetch(url):
    await asyncio.sleep(0)
    return url


async def main(url1, url2):
    result1 = await fetch(url1)  # AIO301: the seed's Mistake 3
    result2 = await fetch(url2)
    return result1, result2


async def dependent():
    user = await fetch("user")  # OK: the second await reads what the first assigns
    posts = await fetch(user)
    return posts


async def sleeps():
    await asyncio.sleep(1)  # OK: sleeps are sequential on purpose
    await asyncio.sleep(2)


async def concurrent(url1, url2):
    result1, result2 = await asyncio.gather(fetch(url1), fetch(url2))  # OK
    return result1, result2


async def three(a, b, c):
    x = await fetch(a)  # AIO301
    y = await fetch(b)
    await fetch(c)
    return x, y


async def locked(lock, queue):
    await lock.acquire()  # OK: ordering-sensitive methods
    await queue.put(1)
