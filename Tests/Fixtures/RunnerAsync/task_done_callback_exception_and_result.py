import asyncio
async def w(n):
    await asyncio.sleep(n)
    if n > 1:
        raise ArithmeticError("big")
    return n
def report(t):
    if t.exception():
        print(t.get_name(), "failed", repr(t.exception()))
    else:
        print(t.get_name(), "ok", t.result())
async def main():
    for n in (0.5, 2):
        asyncio.create_task(w(n)).add_done_callback(report)
    await asyncio.sleep(3)
asyncio.run(main())
