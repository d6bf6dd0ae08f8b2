# Fixture for rule AIO203, coroutine-called-from-sync
import asyncio


async def main():
    await asyncio.sleep(0)


async def coroutine():
    await asyncio.sleep(0)
    return "async result"


def start():
    main()  # AIO203: nothing runs it


def runs_it():
    asyncio.run(main())  # OK
    loop = asyncio.new_event_loop()
    loop.run_until_complete(coroutine())  # OK: passed to a call
    loop.close()


def factory():
    return coroutine()  # OK: the caller decides


coro = coroutine()  # AIO203: created at module level and never run
print(type(coro))

callback = lambda: main()  # OK: the lambda returns it

if __name__ == "__main__":
    main()  # AIO203: the seed's `main()  → nothing runs`
