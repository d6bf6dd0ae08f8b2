# Fixture for rule AIO205, dangling-task
import asyncio

background = set()


async def heartbeat():
    await asyncio.sleep(1)


async def main():
    asyncio.create_task(heartbeat())  # AIO205
    _ = asyncio.ensure_future(heartbeat())  # AIO205
    forgotten = asyncio.create_task(heartbeat())  # AIO205
    loop = asyncio.get_running_loop()
    loop.create_task(heartbeat())  # AIO205
    kept = asyncio.create_task(heartbeat())  # OK
    background.add(kept)
    kept.add_done_callback(background.discard)
    awaited = asyncio.create_task(heartbeat())  # OK
    await awaited
    async with asyncio.TaskGroup() as tg:
        tg.create_task(heartbeat())  # OK: the group keeps its tasks
