import asyncio
async def main():
    print("before")
    await asyncio.Event().wait()
    print("never")
asyncio.run(main())
