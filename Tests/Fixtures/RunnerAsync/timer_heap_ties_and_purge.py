import asyncio
# Timers with equal deadlines run in heapq order (ties by heap position, not insertion);
# when more than half of over 100 timers are cancelled the heap is rebuilt with heapify.
async def main():
    loop = asyncio.get_running_loop()
    order = []
    handles = []
    for i in range(150):
        when = 1.0 if i % 3 else 2.0
        handles.append(loop.call_later(when, order.append, i))
    for i, h in enumerate(handles):
        if i % 5 in (1, 2, 4):
            h.cancel()
    print(handles[1].cancelled(), handles[0].cancelled())
    await asyncio.sleep(0)
    for i in range(10):
        loop.call_later(1.0, order.append, 1000 + i)
    await asyncio.sleep(3)
    print(order)
    print(loop.time())
asyncio.run(main())
