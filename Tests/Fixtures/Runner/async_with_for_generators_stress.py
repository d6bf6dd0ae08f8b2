import asyncio
class ACM:
    def __init__(self, n, fail=False):
        self.n, self.fail = n, fail
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("aenter", self.n)
        return self
    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0.1)
        print("aexit", self.n, et.__name__ if et else None)
        if self.fail:
            raise RuntimeError("exit failed")
        return False
async def agen(n):
    for i in range(n):
        async with ACM(f"g{i}"):
            yield i
async def main():
    async for v in agen(2):
        print("got", v)
        if v == 0:
            continue
    try:
        async with ACM("a", fail=True):
            raise ValueError("body")
    except RuntimeError as e:
        print("caught", e, "context", repr(e.__context__))
    for i in range(3):
        async with ACM(i):
            if i == 1:
                break
    try:
        async for v in agen(3):
            if v == 1:
                raise KeyError("stop")
    except KeyError as e:
        print("key", e)
    await asyncio.sleep(0)
    print("done", asyncio.get_running_loop().time())
asyncio.run(main())
