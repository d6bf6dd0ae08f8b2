import asyncio
async def main():
    loop = asyncio.get_running_loop()
    order = []
    handles = [loop.call_later(1, order.append, i) for i in range(150)]
    for h in handles[::3]:
        pass
    for i, h in enumerate(handles):
        if i % 4 != 0:
            h.cancel()
    await asyncio.sleep(2)
    print(order)
asyncio.run(main())
