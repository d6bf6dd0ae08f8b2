# Runnable: every coroutine is handled one way or another; CPython warns about none and
# AIO201-AIO203 must stay quiet.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1 * n)
    return n


async def relay(n):
    return await fetch(n)


def make(n):
    return fetch(n)


class Holder:
    def __init__(self):
        self.pending = fetch(9)


async def main():
    a = await fetch(1)
    b, c = await asyncio.gather(fetch(2), fetch(3))
    pending = [fetch(4), fetch(5)]
    d = await asyncio.gather(*pending)
    e = fetch(6)
    if a:
        f = await e
    else:
        f = None
        e.close()
    task = asyncio.create_task(relay(7))
    g = await asyncio.wait_for(make(8), timeout=5)
    holder = Holder()
    h = await holder.pending
    print(a, b, c, d, f, await task, g, h)


asyncio.run(main())
