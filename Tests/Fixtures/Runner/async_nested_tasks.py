import asyncio
async def child(name, delay):
    await asyncio.sleep(delay)
    print(f"child {name} done at {asyncio.get_running_loop().time()}")
    return name
async def parent(name):
    kids = [asyncio.create_task(child(f"{name}.{i}", 0.1 * (i + 1))) for i in range(2)]
    done = [await k for k in kids]
    print(f"parent {name} got {done}")
    return len(done)
async def main():
    counts = await asyncio.gather(parent("p1"), parent("p2"))
    print(counts, sum(counts))
asyncio.run(main())
