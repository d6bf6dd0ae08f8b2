import asyncio
async def w(n, fail=False):
    await asyncio.sleep(n)
    if fail:
        raise ValueError(f"fail {n}")
    return n
async def main():
    ts = [asyncio.create_task(w(0.3)), asyncio.create_task(w(0.1, True)), asyncio.create_task(w(0.2))]
    for f in asyncio.as_completed(ts):
        try:
            print("result", await f)
        except ValueError as e:
            print("error", e)
asyncio.run(main())
