import asyncio
import time

from helpers import fetch


async def main():
    fetch(1)
    time.sleep(0.5)
    print(await fetch(2))


asyncio.run(main())
