# Fixture for rule AIO302, async-without-await
import asyncio


async def total(prices):  # AIO302
    return sum(prices)


async def waits():
    await asyncio.sleep(0)  # OK


class Resource:
    async def __aenter__(self):  # OK: dunder required by the protocol
        return self

    async def __aexit__(self, *exc):
        return None


class Base:
    async def handle(self):
        await asyncio.sleep(0)


class Child(Base):
    async def handle(self):  # OK: overrides an async method of its base
        return 1


class Protocol(asyncio.Protocol):
    async def on_data(self):  # OK: base class outside the file
        return 1


def route(path):
    def wrap(fn):
        return fn
    return wrap


@route("/")
async def index():  # OK: decorated handler
    return "hi"


async def callback():  # OK: passed around as a value
    return 1

handlers = [callback]


async def stub():  # OK: stub body
    ...


async def agen():  # OK: async generator
    yield 1


class Process:
    async def _noop(self):  # OK: its coroutine is passed to gather, which needs one
        return None

    async def communicate(self):
        return await asyncio.gather(self._noop(), self._noop())


class Gen:
    async def asend(self, value):  # OK: async generator protocol
        return value
