import asyncio
async def fetch(user_id):
    await asyncio.sleep(0.1)
    if user_id == 2:
        raise KeyError(f"user {user_id} not found")
    return {"id": user_id}
async def main():
    users = []
    for uid in [1, 2, 3]:
        users.append(await fetch(uid))
    print(users)
asyncio.run(main())
