import asyncio
async def t(name):
    print("task", name)
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "soon 1")
    loop.create_task(t("A"))
    loop.call_soon(print, "soon 2")
    asyncio.create_task(t("B"))
    await asyncio.sleep(0)
    print("main resumes")
    await asyncio.sleep(0)
asyncio.run(main())
