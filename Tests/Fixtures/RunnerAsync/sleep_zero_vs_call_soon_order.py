import asyncio
# sleep(0) is a bare yield: the task is rescheduled behind callbacks already in the ready queue,
# and a future's done callbacks run one loop iteration after set_result.
async def ticker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
async def main():
    loop = asyncio.get_running_loop()
    log = []
    fut = loop.create_future()
    fut.add_done_callback(lambda f: log.append("cb1"))
    t1 = asyncio.create_task(ticker("a", 3, log))
    loop.call_soon(log.append, "soon1")
    t2 = asyncio.create_task(ticker("b", 2, log))
    loop.call_soon(fut.set_result, 5)
    fut.add_done_callback(lambda f: log.append("cb2"))
    await asyncio.sleep(0)
    log.append("main")
    await t1
    await t2
    print(log)
    print(await fut, loop.time())
asyncio.run(main())
