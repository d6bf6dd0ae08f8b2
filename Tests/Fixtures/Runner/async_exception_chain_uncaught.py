import asyncio
class APIError(Exception):
    pass
async def call_api(endpoint):
    await asyncio.sleep(0.1)
    try:
        raise ConnectionError(f"cannot reach {endpoint}")
    except ConnectionError as e:
        raise APIError(f"request to {endpoint} failed") from e
async def main():
    await call_api("/users")
asyncio.run(main())
