# The seed's rule "Run from sync code": calling main() only creates a coroutine (AIO203).
import asyncio


async def main():
    await asyncio.sleep(0.1)
    print("done")


main()  # nothing runs; use asyncio.run(main())
