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
        await asyncio.sleep(0.2)
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
        await q.put(10)
        async with asyncio.timeout(0.15):
            await asyncio.sleep(0.2)
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
        await q.put(20)
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
        asyncio.get_running_loop().call_soon(p, 'cb30')
        p('t3 step 1')
        p('t3 step 2')
        await q.put(33)
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
        await asyncio.gather(asyncio.sleep(0.3), asyncio.sleep(0.2))
        p('t4 got', await asyncio.wait_for(q.get(), 0.3))
        p('t4 step 2')
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
        await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0))
        p('t5 got', await asyncio.wait_for(q.get(), 0.05))
        p('t5 got', await asyncio.wait_for(q.get(), 2))
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
    await asyncio.sleep(0.5)
    ts[2].cancel(None)
    await asyncio.sleep(0.1)
    ts[1].cancel('m')
    done, pending = await asyncio.wait(ts, timeout=1)
    p(len(done), len(pending))
    for t in ts:
        if t in pending: t.cancel()
    await asyncio.sleep(0)
    p('main end', q.qsize())
asyncio.run(main())
