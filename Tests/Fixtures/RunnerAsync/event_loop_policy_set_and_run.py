import asyncio
async def hello(x):
    await asyncio.sleep(1)
    return x
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
print(loop.run_until_complete(hello(1)), loop.time())
print(asyncio.get_event_loop().run_until_complete(hello(2)), loop.time())
loop.close()
print(asyncio.run(hello(3)))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError", e)
