# The library catalogue: coroutine functions and methods of asyncio, httpx, aiohttp, asyncpg
# and aiofiles, reached through imports, constructors, `async with ... as`, awaited results and
# parameter annotations. Every marked line must fire, no other line may.
import asyncio
from asyncio import sleep as nap

import aiofiles
import aiohttp
import asyncpg
import httpx


async def queues_and_locks(queue: asyncio.Queue):
    lock = asyncio.Lock()
    event = asyncio.Event()
    semaphore = asyncio.Semaphore(2)
    lock.acquire()  # AIO201
    event.wait()  # AIO201
    semaphore.acquire()  # AIO201
    queue.get()  # AIO201: typed by the parameter's annotation
    queue.put_nowait(1)  # OK: not a coroutine
    nap(1)  # AIO201: asyncio.sleep under another name
    asyncio.wait_for(event.wait(), 1)  # AIO201
    await asyncio.wait_for(event.wait(), 1)  # OK
    lock.release()  # OK: release is synchronous


async def http_clients(url):
    async with httpx.AsyncClient() as client:
        client.post(url)  # AIO201
        response = await client.get(url)  # OK
        response.json()  # OK: httpx's Response.json is synchronous
    async with aiohttp.ClientSession() as session:
        session.get(url)  # AIO201
        async with session.get(url) as resp:  # OK: used as an async context manager
            resp.text()  # AIO201: aiohttp's ClientResponse.text is a coroutine
            body = await resp.json()  # OK
    await httpx.AsyncClient().get(url)  # OK: the seed's quick-reference line
    return body


async def databases(dsn, pool: asyncpg.Pool):
    connection = await asyncpg.connect(dsn)
    connection.execute("SELECT 1")  # AIO201
    rows = await connection.fetch("SELECT 1")  # OK
    async with pool.acquire() as conn:
        conn.fetchrow("SELECT 1")  # AIO201
        value = await conn.fetchval("SELECT 1")  # OK
    pool.close()  # AIO201
    return rows, value


async def files(path):
    async with aiofiles.open(path) as f:
        f.read()  # AIO201
        data = await f.read()  # OK
    handle = await aiofiles.open(path)
    handle.close()  # AIO201
    return data


async def shadowed(url):
    class AsyncClient:  # a local class with the same name is not httpx's
        def get(self, u):
            return u
    client = AsyncClient()
    client.get(url)  # OK
    await asyncio.sleep(0)
