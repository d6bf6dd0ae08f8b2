import asyncio
attempts = 0
async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(0.1)
    if attempts < 4:
        raise ConnectionError(f"attempt {attempts}")
    return "ok"
async def main():
    delay = 0.5
    while True:
        try:
            print(await flaky(), asyncio.get_running_loop().time())
            break
        except ConnectionError as e:
            print("retry after", e)
            await asyncio.sleep(delay)
            delay *= 2
asyncio.run(main())
