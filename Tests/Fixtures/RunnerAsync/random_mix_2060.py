# A program from a random generator of task mixes (sleeps, queues, wait_for, gather, locks,
# timeouts, shield, cancels) that matched the oracle; kept as a regression case.
import asyncio
log = []
LOCK = None
def p(*a):
    print(*a, round(asyncio.get_running_loop().time(), 3))
async def t0(q):
    try:
        await q.put(0)
        p('t0 got', await asyncio.wait_for(q.get(), 0.05))
        p('t0 got', await asyncio.wait_for(q.get(), 0.05))
        p('t0 done')
        return 0
    except asyncio.CancelledError:
        p('t0 cancelled')
        raise
    except TimeoutError:
        p('t0 timeout')
        return -0
async def t1(q):
    try:
        await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0))
        await asyncio.gather(asyncio.sleep(0.3), asyncio.sleep(0.2))
        async with LOCK:
            p('t1 locked 2')
            await asyncio.sleep(0.1)
        p('t1 got', await asyncio.wait_for(q.get(), 2))
        p('t1 done')
        return 1
    except asyncio.CancelledError:
        p('t1 cancelled')
        raise
    except TimeoutError:
        p('t1 timeout')
        return -1
async def t2(q):
    try:
        p('t2 step 0')
        await q.put(21)
        p('t2 done')
        return 2
    except asyncio.CancelledError:
        p('t2 cancelled')
        raise
    except TimeoutError:
        p('t2 timeout')
        return -2
async def t3(q):
    try:
        async with LOCK:
            p('t3 locked 0')
            await asyncio.sleep(0)
        await q.put(31)
        await asyncio.sleep(0)
        p('t3 done')
        return 3
    except asyncio.CancelledError:
        p('t3 cancelled')
        raise
    except TimeoutError:
        p('t3 timeout')
        return -3
async def t4(q):
    try:
        await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.2))
        await asyncio.sleep(1)
        p('t4 got', await asyncio.wait_for(q.get(), 0.3))
        await asyncio.sleep(1)
        p('t4 done')
        return 4
    except asyncio.CancelledError:
        p('t4 cancelled')
        raise
    except TimeoutError:
        p('t4 timeout')
        return -4
async def t5(q):
    try:
        await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)
        raise ValueError('t5')
        p('t5 step 3')
        p('t5 done')
        return 5
    except asyncio.CancelledError:
        p('t5 cancelled')
        raise
    except TimeoutError:
        p('t5 timeout')
        return -5
async def main():
    global LOCK
    LOCK = asyncio.Lock()
    q = asyncio.Queue(maxsize=1)
    ts = [asyncio.create_task(t0(q)), asyncio.create_task(t1(q)), asyncio.create_task(t2(q)), asyncio.create_task(t3(q)), asyncio.create_task(t4(q)), asyncio.create_task(t5(q))]
    await asyncio.sleep(0)
    ts[0].cancel(None)
    await asyncio.sleep(0.25)
    ts[3].cancel(None)
    await asyncio.sleep(0.1)
    ts[2].cancel('m')
    res = await asyncio.gather(*ts, return_exceptions=True)
    p([type(x).__name__ if isinstance(x, BaseException) else x for x in res])
    p('main end', q.qsize())
asyncio.run(main())
