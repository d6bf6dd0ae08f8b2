import asyncio
async def main():
    s = asyncio.BoundedSemaphore(1)
    await s.acquire()
    s.release()
    try:
        s.release()
    except ValueError as e:
        print("ValueError", e)
    print(s.locked())
asyncio.run(main())
