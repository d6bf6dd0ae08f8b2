import asyncio
# Cancelling a task that awaits a gather cancels the gather's children; a shielded inner task
# survives its waiter's cancellation.
async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled", asyncio.get_running_loop().time())
        raise
async def parent():
    return await asyncio.gather(child("a", 1), child("b", 2))
async def main():
    loop = asyncio.get_running_loop()
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled", loop.time())
    inner = asyncio.create_task(child("inner", 1))
    async def waiter():
        return await asyncio.shield(inner)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.2)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled", inner.done())
    print(await inner, loop.time())
    done, pending = await asyncio.wait([asyncio.create_task(child("w1", 0.3)), asyncio.create_task(child("w2", 0.6))], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), loop.time())
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in pending])
asyncio.run(main())
