import asyncio
async def main():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("full")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print(e)
asyncio.run(main())
