import asyncio
async def child(n):
    print("child", n)
async def main():
    for i in range(3):
        asyncio.create_task(child(i))
    print("main before yield")
    await asyncio.sleep(0)
    print("main after yield")
asyncio.run(main())
