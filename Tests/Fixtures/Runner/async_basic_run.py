import asyncio
async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world", asyncio.get_running_loop().time())
    return 42
print(asyncio.run(main()))
