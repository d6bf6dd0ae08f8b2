# The seed's correct examples: nothing may fire except where the seed itself is wrong on purpose.
import asyncio
import httpx


def regular():
    return "sync result"


async def coroutine():  # OK for AIO302: asyncio.run(coroutine()) below needs a coroutine
    return "async result"


result = regular()  # "sync result"
coro = coroutine()  # AIO203: the seed creates a coroutine object on purpose and never runs it
print(type(coro))  # <class 'coroutine'>
result = asyncio.run(coroutine())  # "async result"


async def fetch_data(delay: float, value: str) -> str:
    await asyncio.sleep(delay)  # non-blocking wait — yields to event loop
    return value


async def main():
    result = await fetch_data(0.5, "hello")  # wait for it to complete
    print(result)  # "hello"

asyncio.run(main())


async def fetch_post(post_id: int) -> dict:
    async with httpx.AsyncClient() as client:
        response = await client.get(f"https://jsonplaceholder.typicode.com/posts/{post_id}")
        response.raise_for_status()
        return response.json()


async def concurrent(url1, url2):
    result1, result2 = await asyncio.gather(fetch_data(1, url1), fetch_data(1, url2))  # concurrent ✓
    return result1, result2
