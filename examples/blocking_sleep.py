# A blocking call inside a coroutine stalls the whole event loop (AIO401);
# the seed's Quick Reference: "Non-blocking sleep — await asyncio.sleep(seconds)".
import asyncio
import time


async def tick(name: str):
    for i in range(3):
        time.sleep(0.5)  # blocks every other task too
        print(name, i)


async def main():
    await asyncio.gather(tick("a"), tick("b"))


asyncio.run(main())
