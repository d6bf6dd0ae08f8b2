import asyncio
async def main():
    return 1
try:
    asyncio.run(main)
except ValueError as e:
    print("ValueError:", e)
print(asyncio.run(main()))
