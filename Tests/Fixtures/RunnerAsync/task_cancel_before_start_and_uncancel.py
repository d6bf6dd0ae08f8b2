import asyncio
# A task cancelled before its first step never runs its body; cancel() while waiting on a future
# cancels that future; cancelling() counts requests and uncancel() takes them back.
async def body(log):
    log.append("started")
    await asyncio.sleep(1)
async def main():
    log = []
    t = asyncio.create_task(body(log))
    print(t.cancel("early"), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", e.args, log, t.cancelled())
    t2 = asyncio.create_task(body(log))
    await asyncio.sleep(0)
    print(t2.cancel(), t2.cancelling(), t2.uncancel(), t2.cancelling())
    await asyncio.sleep(0)
    print(t2.done(), t2.cancelled(), log)
    fut = asyncio.get_running_loop().create_future()
    fut.cancel("fmsg")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("future", e.args)
    print(repr(fut), fut.cancelled())
asyncio.run(main())
