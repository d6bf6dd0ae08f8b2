import asyncio
async def hello(x):
    await asyncio.sleep(1)
    return x
l1 = asyncio.get_event_loop()
l2 = asyncio.get_event_loop()
print(l1 is l2)
print(l1.run_until_complete(hello(1)), l1.time())
f = asyncio.Future()
print(f.get_loop() is l1)
