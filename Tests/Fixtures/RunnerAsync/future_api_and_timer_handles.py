import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done())
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("ISE", e)
    f.set_exception(KeyError)
    print(repr(f))
    try:
        await f
    except KeyError as e:
        print("KeyError", repr(e))
    g = loop.create_future()
    g.set_result(3)
    print(await g, await g)
    try:
        g.set_result(4)
    except asyncio.InvalidStateError as e:
        print("ISE2", e)
    print(isinstance(g, asyncio.Future), asyncio.isfuture(g), asyncio.isfuture(3))
    t = asyncio.ensure_future(asyncio.sleep(0.1, result="slept"))
    print(type(t).__name__, await t)
    calls = []
    h = loop.call_later(0.5, calls.append, "late")
    h2 = loop.call_at(loop.time() + 0.2, calls.append, "at")
    print(h.when(), h2.when())
    h.cancel()
    print(h.cancelled())
    await asyncio.sleep(1)
    print(calls, loop.time())
    def cb(fut):
        print("cb", fut.result())
    k = loop.create_future()
    k.add_done_callback(cb)
    k.add_done_callback(cb)
    print(k.remove_done_callback(cb))
    k.set_result(9)
    await asyncio.sleep(0)
    t2 = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    print(repr(t2)[:30])
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled", t2.cancelled())
asyncio.run(main())
