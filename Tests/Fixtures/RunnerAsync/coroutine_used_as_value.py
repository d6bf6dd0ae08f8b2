import asyncio
async def get_user():
    return {"id": 1}
async def main():
    user = get_user()
    try:
        print(user["id"])
    except TypeError as e:
        print("TypeError:", e)
    print(type(user).__name__, asyncio.iscoroutine(user))
    print(await user)
asyncio.run(main())
