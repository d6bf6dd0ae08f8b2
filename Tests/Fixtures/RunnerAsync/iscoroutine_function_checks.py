import asyncio
async def c():
    return 1
def s():
    return 1
async def main():
    print(asyncio.iscoroutinefunction(c), asyncio.iscoroutinefunction(s))
    co = c()
    print(asyncio.iscoroutine(co), asyncio.iscoroutine(s()))
    print(await co)
    t = asyncio.ensure_future(c())
    print(asyncio.isfuture(t), await t)
asyncio.run(main())
