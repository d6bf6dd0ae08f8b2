import asyncio
async def w(n):
    await asyncio.sleep(n)
async def main():
    me = asyncio.current_task()
    print(me.get_name())
    ts = [asyncio.create_task(w(i)) for i in (1, 2)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await ts[0]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await ts[1]
    print(len(asyncio.all_tasks()))
asyncio.run(main())
