import asyncio
async def get_user():
    await asyncio.sleep(0.1)
    return {"name": "ann"}
async def main():
    user = get_user()
    print(type(user).__name__)
    print(user["name"])
asyncio.run(main())
