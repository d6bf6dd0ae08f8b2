import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1", f.result()))
    fut.add_done_callback(lambda f: print("callback 2"))
    loop.call_later(0.5, fut.set_result, "value")
    loop.call_soon(print, "call_soon runs first")
    print("awaiting")
    print("got", await fut, loop.time())
    f2 = loop.create_future()
    f2.set_exception(RuntimeError("boom"))
    try:
        await f2
    except RuntimeError as e:
        print("future raised", e)
    print(fut.done(), fut.cancelled(), f2.exception())
asyncio.run(main())
