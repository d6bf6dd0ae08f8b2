import asyncio
async def user(sem, i, out):
    await sem.acquire()
    out.append(i)
async def main():
    sem = asyncio.Semaphore(0)
    out = []
    ts = [asyncio.create_task(user(sem, i, out)) for i in range(5)]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await asyncio.sleep(0)
    print(out)
    sem.release()
    sem.release()
    sem.release()
    await asyncio.gather(*ts)
    print(out, sem.locked())
asyncio.run(main())
