import asyncio
async def level3():
    await asyncio.sleep(0)
    raise LookupError("deep")
async def level2():
    try:
        await level3()
    except LookupError as e:
        raise RuntimeError("wrapped") from e
async def main():
    try:
        await level2()
    except RuntimeError as e:
        print(e, "cause:", repr(e.__cause__))
    await level2()
asyncio.run(main())
