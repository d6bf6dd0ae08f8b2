import asyncio
class Service:
    def __init__(self):
        self.calls = 0
    async def call(self, x):
        self.calls += 1
        await asyncio.sleep(0.1)
        return x + 1
    @staticmethod
    async def static(x):
        return x * 10
    @classmethod
    async def cls_m(cls, x):
        return cls.__name__ + str(x)
async def main():
    s = Service()
    r = await asyncio.gather(s.call(1), s.call(2), Service.static(3), Service.cls_m(4))
    print(r, s.calls)
asyncio.run(main())
