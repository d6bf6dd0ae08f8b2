#!/usr/bin/env python3
"""Generate and run the CPython differential cases for AIO201-AIO203 (coroutine flow).

Usage: PYENV_VERSION=3.12.1 python3 scripts/gen_coroutine_cases.py

Places the creation of one coroutine, `work()`, in many uses -- discarded, awaited, bound to
`_` or a name, tested, printed, passed on, scheduled, gathered, returned, closed, rebound,
captured by a closure -- inside `async def main()` (directly or inside if/for/try/with blocks)
and in synchronous code, runs each program under CPython with warnings recorded, and prints
one JSON object: for each case its source and whether CPython reported
"RuntimeWarning: coroutine 'work' was never awaited".

Cases whose runtime outcome the rules' definitions deliberately do not model are left out
and listed in the generator (a coroutine stored in a container that is then dropped counts
as handled by definition, for instance).
"""
import asyncio
import gc
import json
import sys
import warnings

PRELUDE = """import asyncio

async def work():
    await asyncio.sleep(0)
    return 1

"""

# Uses inside an async function: each a block of statements using `work()`.
ASYNC_USES = [
    "work()",
    "await work()",
    "_ = work()",
    "c = work()",
    "c = work()\nawait c",
    "c = work()\nprint(type(c).__name__)",
    "c = work()\nprint(c is None)",
    "c = work()\nprint(c is None)\nawait c",
    "if work():\n    pass",
    "await asyncio.gather(work())",
    "t = asyncio.create_task(work())\nawait t",
    "lst = [work()]\nawait asyncio.gather(*lst)",
    "c = work()\nc = None",
    "c = work()\ndel c",
    "c = work()\nc.close()",
    "print(str(work())[:10])",
    "work().close()",
    "c = work()\nr = await asyncio.wait_for(c, 1)",
    "c = work()\nd = c\nawait d",
    "c = work()\nasync def g():\n    return await c\nawait g()",
    "c = work()\nx = await c if True else None",
    "c = work()\nawait (c)",
    "c = work()\nfut = asyncio.ensure_future(c)\nawait fut",
    "x = [await work() for _ in range(2)]",
    "c = work()\nif c is not None:\n    await c",
    "c = work()\nf'{type(c)}'\nawait c",
    "c = work()\nc = work()\nawait c",
    "c = None\nc = work()\nawait c",
    "c = work()\nn = c.cr_running\nawait c",
    "c = work() if True else None\nawait c",
    "(c := work())\nawait c",
    "(c := work())",
]

# Where an async use sits inside main.
ASYNC_WRAPPERS = [
    "{u}",
    "if True:\n{U}",
    "for _ in range(1):\n{U}",
    "try:\n{U}\nfinally:\n    pass",
    "while True:\n{U}\n    break",
]

# Whole programs with synchronous code.
SYNC_PROGRAMS = [
    "work()",
    "asyncio.run(work())",
    "c = work()\nprint(type(c).__name__)",
    "c = work()\nasyncio.run(c)",
    "def f():\n    return work()\nasyncio.run(f())",
    "def f():\n    work()\nf()",
    "def f():\n    c = work()\n    return c\nasyncio.run(f())",
    "class K:\n    def __init__(self):\n        self.c = work()\nk = K()\nasyncio.run(k.c)",
    "g = lambda: work()\nasyncio.run(g())",
    "loop = asyncio.new_event_loop()\nloop.run_until_complete(work())\nloop.close()",
    "_ = work()",
    "if work():\n    pass",
    "print(str(work())[:10])",
]

# Deliberately not modelled: storing in a container or attribute counts as handled even when
# the container is then dropped; these would disagree with CPython by definition.
NOT_MODELLED = [
    "lst = [work()]",
    "holder = {'c': work()}",
]


def indent(block, level=1):
    pad = "    " * level
    return "\n".join(pad + line if line else line for line in block.split("\n"))


def async_program(use, wrapper):
    body = wrapper.replace("{U}", indent(use)).replace("{u}", use)
    return PRELUDE + "async def main():\n" + indent(body) + "\n\nasyncio.run(main())\n"


def run(source):
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        namespace = {"__name__": "__case__"}
        real_stdout = sys.stdout
        sys.stdout = open("/dev/null", "w")
        try:
            exec(compile(source, "<case>", "exec"), namespace)
        finally:
            sys.stdout.close()
            sys.stdout = real_stdout
        namespace.clear()
        gc.collect()
    return any(issubclass(w.category, RuntimeWarning) and "coroutine 'work' was never awaited" in str(w.message)
               for w in caught)


def main():
    sources = [async_program(u, w) for w in ASYNC_WRAPPERS for u in ASYNC_USES]
    sources += [PRELUDE + p + "\n" for p in SYNC_PROGRAMS]
    cases = [{"source": s, "warned": run(s)} for s in sources]
    json.dump({"python": sys.version.split()[0], "cases": cases}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
