import asyncio
class Res:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("open", self.name)
        return self
    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0.1)
        print("close", self.name, et.__name__ if et else None)
        return et is KeyError
async def main():
    async with Res("a") as a, Res("b") as b:
        print("using", a.name, b.name)
    async with Res("c"):
        raise KeyError("swallowed")
    print("after", asyncio.get_running_loop().time())
asyncio.run(main())
