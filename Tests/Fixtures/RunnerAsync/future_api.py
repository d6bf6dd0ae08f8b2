import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled())
    f.set_result(1)
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    print(f.result(), await f)
    g = loop.create_future()
    g.set_exception(ValueError("v"))
    try:
        await g
    except ValueError as e:
        print("raised", e)
    h = loop.create_future()
    print(h.cancel("why"), h.cancelled())
    try:
        h.result()
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
asyncio.run(main())
