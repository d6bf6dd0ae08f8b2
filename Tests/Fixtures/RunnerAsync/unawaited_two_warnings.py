import asyncio
async def a():
    pass
async def b():
    pass
async def main():
    a()
    b()
    x = a()
    del x
    print("end")
asyncio.run(main())
