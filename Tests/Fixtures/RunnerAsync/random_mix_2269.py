# A program from a random generator of task mixes (sleeps, queues, wait_for, gather, locks,
# timeouts, shield, cancels) that matched the oracle; kept as a regression case.
import asyncio
log = []
LOCK = None
def p(*a):
    print(*a, round(asyncio.get_running_loop().time(), 3))
async def t0(q):
    try:
        async with LOCK:
            p('t0 locked 0')
            await asyncio.sleep(0.1)
        await asyncio.gather(asyncio.sleep(0), asyncio.sleep(0.2))
        await asyncio.sleep(1)
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
        p('t1 got', await asyncio.wait_for(q.get(), 0.05))
        raise ValueError('t1')
        asyncio.get_running_loop().call_soon(p, 'cb12')
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
        p('t2 got', await asyncio.wait_for(q.get(), 2))
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
        p('t3 step 0')
        p('t3 step 1')
        p('t3 got', await asyncio.wait_for(q.get(), 0.3))
        await asyncio.gather(asyncio.sleep(0), asyncio.sleep(0))
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
        async with LOCK:
            p('t4 locked 0')
            await asyncio.sleep(0.1)
        raise ValueError('t4')
        p('t4 got', await asyncio.wait_for(q.get(), 0.3))
        await asyncio.shield(asyncio.sleep(0))
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
        await asyncio.shield(asyncio.sleep(0.1))
        await asyncio.sleep(0)
        await q.put(52)
        await asyncio.sleep(1)
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
    q = asyncio.Queue(maxsize=2)
    ts = [asyncio.create_task(t0(q)), asyncio.create_task(t1(q)), asyncio.create_task(t2(q)), asyncio.create_task(t3(q)), asyncio.create_task(t4(q)), asyncio.create_task(t5(q))]
    await asyncio.sleep(0.25)
    ts[3].cancel(None)
    await asyncio.sleep(0.25)
    ts[5].cancel('m')
    done, pending = await asyncio.wait(ts, timeout=0.3)
    p(len(done), len(pending))
    for t in ts:
        if t in pending: t.cancel()
    await asyncio.sleep(0)
    p('main end', q.qsize())
asyncio.run(main())
