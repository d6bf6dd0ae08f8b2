import asyncio
# When the loop would wait forever, the oracle's stop is an exception: asyncio.run's clean-up
# still cancels the pending tasks (their except/finally blocks run, an async generator is closed)
# before the run ends as a deadlock.
async def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")
async def waiter(ev):
    try:
        await ev.wait()
    except asyncio.CancelledError:
        print("waiter cancelled", asyncio.get_running_loop().time())
        raise
    finally:
        print("waiter finally")
async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev))
    g = numbers()
    print(await g.__anext__())
    await asyncio.sleep(1)
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        print("main finally", t.done())
asyncio.run(main())
