# Fixture for rule AIO201, unawaited-coroutine
import asyncio


async def fetch(n):
    await asyncio.sleep(0)
    return n


async def is_ready():
    await asyncio.sleep(0)
    return True


class Client:
    async def get(self, n):
        await asyncio.sleep(0)
        return n

    async def refresh(self):
        self.get(1)  # AIO201: a method reached through self
        return await self.get(2)  # OK


async def main():
    fetch(1)  # AIO201: discarded
    _ = fetch(2)  # AIO201: assigned to _
    unused = fetch(3)  # AIO201: stored only to be dropped
    if is_ready():  # AIO201: always true
        pass
    asyncio.sleep(1)  # AIO201: a library coroutine
    value = await fetch(4)  # OK
    task = asyncio.create_task(fetch(5))  # OK: scheduled
    results = await asyncio.gather(fetch(6), fetch(7))  # OK: passed to gather
    pending = [fetch(8), fetch(9)]  # OK: stored in a container
    later = fetch(10)  # OK: handled below
    await later
    await task
    return value, results, pending


async def handed_off():
    await asyncio.sleep(0)
    coro = fetch(11)  # OK: returned
    return coro


async def shadowed():
    def fetch(n):  # a local plain function shadows the coroutine function
        return n
    fetch(12)  # OK
    await asyncio.sleep(0)


async def rebound():
    job = fetch(13)  # OK: awaited before the name is rebound
    await job
    job = fetch(14)  # AIO201: the second coroutine bound to job is never handled
    job = None
    return job


async def async_client(url):
    import httpx
    async with httpx.AsyncClient() as client:
        client.get(url)  # AIO201: httpx.AsyncClient.get is a coroutine method
        response = await client.get(url)  # OK
    return response


async def noqa_example():
    await asyncio.sleep(0)
    fetch(15)  # noqa: AIO201
    fetch(16)  # noqa
    fetch(17)  # noqa: AIO202  # AIO201: another code does not suppress it
