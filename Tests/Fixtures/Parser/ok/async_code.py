import asyncio


async def fetch(session, url, *, retries: int = 3) -> bytes:
    async with session.get(url) as resp, asyncio.timeout(10):
        return await resp.read()


async def main():
    results = [await fetch(s, u) async for u in urls() if u]
    gen = (x async for x in aiter_of() if await ok(x))
    data = {k: await v for k, v in pairs}
    async for item in stream():
        await asyncio.sleep(0)
    else:
        pass
    async with (
        lock_a as a,
        lock_b as b,
    ):
        print(a, b)
    tasks = [asyncio.create_task(fetch(None, u)) for u in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    return await asyncio.gather(*tasks, return_exceptions=True)


@decorator
@other.decorator(arg=1)
async def decorated[T](x: T) -> T:
    yield x
    x = yield
    y = yield from g()
    await (await x)

asyncio.run(main())
