import asyncio
async def bad():
    raise KeyError("missing")
async def main():
    t = asyncio.create_task(bad())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    await asyncio.sleep(0)
    print(t.done(), repr(t.exception()))
    try:
        t.result()
    except KeyError as e:
        print("KeyError", e)
asyncio.run(main())
