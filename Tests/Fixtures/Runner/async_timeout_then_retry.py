import asyncio
attempts = []
async def flaky(n):
    attempts.append(n)
    await asyncio.sleep(2 if n < 2 else 0.1)
    return f"success on attempt {n}"
async def main():
    for n in range(4):
        try:
            result = await asyncio.wait_for(flaky(n), timeout=1)
            print(result, "at", asyncio.get_running_loop().time())
            break
        except TimeoutError:
            print("attempt", n, "timed out at", asyncio.get_running_loop().time())
    print(attempts)
asyncio.run(main())
