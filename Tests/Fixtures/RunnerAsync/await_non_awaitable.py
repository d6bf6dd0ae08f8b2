import asyncio
import time
async def main():
    await time.sleep(1)
asyncio.run(main())
