# Mistake 3 of the seed: two independent awaits run one after the other (AIO301);
# asyncio.gather would run them concurrently.
import asyncio


async def fetch(url: str) -> str:
    await asyncio.sleep(1.0)
    return url


async def main():
    result1 = await fetch("https://example.com/1")  # waits for url1 to complete
    result2 = await fetch("https://example.com/2")  # THEN waits for url2 — still sequential!
    print(result1, result2)


asyncio.run(main())
