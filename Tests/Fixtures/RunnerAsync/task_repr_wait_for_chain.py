import asyncio
async def chain(n):
    if n == 0:
        await asyncio.sleep(10)
    else:
        await asyncio.create_task(chain(n - 1))
async def main():
    t = asyncio.create_task(chain(1))
    await asyncio.sleep(1)
    try:
        print(len(repr(t)))
    except RecursionError as e:
        print("RecursionError")
    t2 = asyncio.create_task(chain(2))
    await asyncio.sleep(0.5)
    print(repr(t2))
asyncio.run(main())
