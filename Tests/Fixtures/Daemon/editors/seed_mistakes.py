# The three Common Mistakes of the seed document (seed-async-await.txt), as one file.
import asyncio


async def fetch_data(n):
    await asyncio.sleep(0.1)
    return {"id": n}


async def fetch(url):
    await asyncio.sleep(0.1)
    return url


# Mistake 1 — Forgetting to await a coroutine
async def main():
    result = fetch_data(1)  # forgot await — result is a coroutine, not data!
    print(result)  # <coroutine object fetch_data ...>


# Mistake 2 — Using await outside async def
def process():
    data = await fetch_data(1)  # SyntaxError: 'await' outside async function


# Mistake 3 — Confusing sequential await with concurrent execution
async def both(url1, url2):
    result1 = await fetch(url1)  # waits for url1 to complete
    result2 = await fetch(url2)  # THEN waits for url2 — still sequential!
    return result1, result2


asyncio.run(main())
