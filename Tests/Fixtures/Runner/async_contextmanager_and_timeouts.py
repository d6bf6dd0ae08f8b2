import asyncio
from contextlib import asynccontextmanager
@asynccontextmanager
async def connection(name):
    print("connect", name)
    await asyncio.sleep(0.1)
    try:
        yield f"conn-{name}"
    finally:
        await asyncio.sleep(0.1)
        print("disconnect", name, asyncio.get_running_loop().time())
async def query(conn, delay):
    await asyncio.sleep(delay)
    return f"{conn}: rows"
async def main():
    async with connection("db") as c:
        print(await query(c, 0.2))
        try:
            await asyncio.wait_for(query(c, 5), timeout=0.5)
        except TimeoutError:
            print("query timed out at", asyncio.get_running_loop().time())
asyncio.run(main())
