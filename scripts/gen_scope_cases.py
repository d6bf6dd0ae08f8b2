#!/usr/bin/env python3
"""Generate the CPython differential cases for AIO101-AIO104 (the ScopeChecker).

Usage: PYENV_VERSION=3.12.1 python3 scripts/gen_scope_cases.py > Tests/Fixtures/ScopeChecks/cases.json

Places `await`, `async for`, `async with`, async comprehensions, `yield from` and
`return value` in many positions -- module level, plain and async functions, nested
functions, lambdas, class bodies, comprehensions and generator expressions, default values,
decorators, annotations, class bases -- and records what CPython 3.12's `compile()` says about
each: "ok", or the SyntaxError's message, line, column and end position. `ast.parse` accepts
all of them; only `compile()` rejects some, which is exactly what AIO101-AIO104 must mirror.

The output is deterministic (no randomness, sorted as generated), so the committed file only
changes when this generator or CPython changes; ScopeCheckerDifferentialTests re-runs it when
Python 3.12 is available and fails if the committed data is stale.
"""
import ast
import json
import sys

# The messages the AIO1xx rules reproduce; any other compile error is recorded as "other"
# (for example "'yield' inside list comprehension") and not used by the test.
OURS = {
    "'await' outside function",
    "'await' outside async function",
    "'async for' outside async function",
    "'async with' outside async function",
    "asynchronous comprehension outside of an asynchronous function",
    "'yield from' inside async function",
    "'return' with value in async generator",
    "await expression cannot be used within an annotation",
}

# Expressions to place. `x`, `z`, `w` are free names; nothing runs.
EXPRESSIONS = [
    "await x",
    "[await x for y in z]",
    "{await x for y in z}",
    "{y: await x for y in z}",
    "(await x for y in z)",
    "[y async for y in z]",
    "{y async for y in z}",
    "{y: 1 async for y in z}",
    "(y async for y in z)",
    "[y for y in await z]",
    "(y for y in await z)",
    "[y for w in z for y in await w]",
    "[y for y in z if await y]",
    "(y for y in z if await y)",
    "[[y async for y in w] for w in z]",
    "([y async for y in w] for w in z)",
    "[(y async for y in w) for w in z]",
    "[[await y for y in w] for w in z]",
    "(q for q in [await a for a in z])",
    "f'{await x}'",
    "(lambda: await x)",
    "(lambda a=await x: a)",
    "(yield from x)",
    "[(yield from x) for y in z]",
    "(await x) + (await w)",
    "x if await w else z",
    "[y async for y in z if await y]",
    "{**(await x)}",
    "[*(await x)]",
]

# Statements to place (one logical line each, or a small block).
STATEMENTS = [
    "async for y in z: pass",
    "async with x: pass",
    "async with x as y, w as q: pass",
    "for y in z:\n    async with x: pass",
    "return 1",
    "return None",
    "return",
    "yield 1",
    "yield 1\nreturn 2",
    "return 2\nyield 1",
    "yield\nreturn",
    "if x:\n    return 3\nelse:\n    yield 4",
    "(yield)\nreturn x",
    "lambda: (yield)\nreturn 5",
    "g = (i for i in z)\nreturn g",
    "v: int = 1",
    "try:\n    async for y in z: pass\nexcept E:\n    pass",
    "while x:\n    async with w: pass",
    "match x:\n    case 1 if await w: pass",
    "with (await x) as y: pass",
    "del (await x).a",
    "assert await x, await w",
    "raise (await x)",
    "x[await w] = 1",
    "(await x).a = 1",
    "global g\ng = await x",
    "import os\nos.sep",
]

# Where an expression can go, relative to a block: as a statement, an assignment, and in
# positions evaluated in the enclosing scope or in a new one.
EXPRESSION_SITES = [
    "{e}",
    "v = {e}",
    "def g(a={e}): pass",
    "def g(a: {e}): pass",
    "def g() -> {e}: pass",
    "@{e}\ndef g(): pass",
    "class K({e}): pass",
    "class K(metaclass={e}): pass",
    "class K:\n    v = {e}",
    "class K:\n    v: {e}",
    "v: {e}",
    "v.a: {e}",
    "v: {e} = 1",
    "[{e} for q in r]",
    "({e} for q in r)",
    "[q for q in {e}]",
    "lambda: {e}",
    "lambda q={e}: q",
    "def g():\n    return {e}",
    "async def g():\n    return {e}",
    "async def g():\n    yield {e}",
]

# Enclosing blocks; `{b}` is the placed code, indented by the wrapper.
WRAPPERS = [
    "{b}",
    "def f():\n{B}",
    "async def f():\n{B}",
    "class C:\n{B}",
    "async def f():\n    class C:\n{BB}",
    "def f():\n    async def g():\n{BB}",
    "async def f():\n    def g():\n{BB}",
    "async def f():\n    async def g():\n{BB}",
    "async def f():\n    yield\n{B}",
    "def f():\n    class C:\n        def m(self):\n{BBB}",
    "async def f():\n    if x:\n{BB}",
    "async def f():\n    for q in r:\n{BB}",
    "def f():\n    with x:\n{BB}",
]

FUTURE_VARIANT = "from __future__ import annotations\n"


def indent(block, level):
    pad = "    " * level
    return "\n".join(pad + line if line else line for line in block.split("\n"))


def wrap(wrapper, block):
    return (wrapper.replace("{BBB}", indent(block, 3))
                   .replace("{BB}", indent(block, 2))
                   .replace("{B}", indent(block, 1))
                   .replace("{b}", block)) + "\n"


def verdict(source):
    try:
        compile(source, "<case>", "exec")
        return {"verdict": "ok"}
    except SyntaxError as e:
        kind = "ours" if e.msg in OURS else "other"
        return {"verdict": kind, "message": e.msg, "line": e.lineno, "column": (e.offset or 1) - 1,
                "endLine": e.end_lineno, "endColumn": (e.end_offset or 1) - 1}


def blocks():
    for statement in STATEMENTS:
        yield statement
    for site in EXPRESSION_SITES:
        for expression in EXPRESSIONS:
            yield site.replace("{e}", expression)


def main():
    seen = set()
    cases = []
    for block in blocks():
        for wrapper in WRAPPERS:
            for prefix in ("", FUTURE_VARIANT):
                if prefix and ": " not in block and "->" not in block:
                    continue  # the future import only matters for annotations
                source = prefix + wrap(wrapper, block)
                if source in seen:
                    continue
                seen.add(source)
                try:
                    ast.parse(source)
                except SyntaxError:
                    continue  # not valid 3.12 syntax at all: the parser's business, not ours
                case = {"source": source}
                case.update(verdict(source))
                cases.append(case)
    counts = {}
    for case in cases:
        counts[case["verdict"]] = counts.get(case["verdict"], 0) + 1
    json.dump({"python": sys.version.split()[0], "counts": counts, "cases": cases}, sys.stdout, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
