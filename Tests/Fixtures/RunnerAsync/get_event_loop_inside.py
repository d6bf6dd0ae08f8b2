import asyncio
async def main():
    print(asyncio.get_event_loop() is asyncio.get_running_loop())
    print(asyncio.get_running_loop().is_running())
asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
