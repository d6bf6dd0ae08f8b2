import asyncio
import time
async def main():
    q = asyncio.Queue()
    print(asyncio.iscoroutinefunction(asyncio.sleep), asyncio.iscoroutinefunction(q.get), asyncio.iscoroutinefunction(q.put_nowait), asyncio.iscoroutinefunction(asyncio.gather), asyncio.iscoroutinefunction(print), asyncio.iscoroutinefunction(time.sleep), asyncio.iscoroutinefunction(asyncio.Queue.join))
asyncio.run(main())
