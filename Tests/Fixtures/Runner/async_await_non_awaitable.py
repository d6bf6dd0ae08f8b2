import asyncio
import time
async def main():
    print("before")
    await time.sleep(1)
asyncio.run(main())
