import asyncio
async def job(x):
    await asyncio.sleep(x)
    return x
async def main():
    t = asyncio.create_task(job(1))
    t.add_done_callback(lambda f: print("cb1", f.result()))
    t.add_done_callback(lambda f: print("cb2", f.done()))
    print("awaiting")
    print("got", await t)
    t.add_done_callback(lambda f: print("late cb"))
    await asyncio.sleep(0)
asyncio.run(main())
