# The seed's "Mistake 3 — Confusing sequential await with concurrent execution", wrong version.
# fetch, url1 and url2 are not defined in the seed's snippet either.
async def main():
    result1 = await fetch(url1)  # AIO301: waits for url1 to complete
    result2 = await fetch(url2)  # THEN waits for url2 — still sequential!
