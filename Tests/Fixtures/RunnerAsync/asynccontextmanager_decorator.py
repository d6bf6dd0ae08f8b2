import asyncio
from contextlib import asynccontextmanager
@asynccontextmanager
async def session(name):
    print("enter", name)
    await asyncio.sleep(0.5)
    try:
        yield name.upper()
    finally:
        print("exit", name)
async def main():
    async with session("db") as s:
        print("inside", s)
    try:
        async with session("x"):
            raise RuntimeError("oops")
    except RuntimeError as e:
        print("propagated", e)
asyncio.run(main())
