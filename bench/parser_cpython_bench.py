"""CPython's side of the parser benchmark: ast.parse and compile() over the same files.

usage: python3.12 parser_cpython_bench.py LIST [REPEATS]
Prints one line per measurement, in the format the Swift side uses.
"""
import ast
import sys
import time
import warnings

warnings.simplefilter("ignore")
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
sources = []
lines = 0
for path in paths:
    with open(path, "rb") as f:
        data = f.read()
    try:
        data.decode("utf-8")
        ast.parse(data)
    except Exception:
        continue  # the Swift side skips the same files (not UTF-8 or not valid 3.12)
    sources.append(data)
    lines += data.count(b"\n")


def best(fn):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for s in sources:
            fn(s)
        times.append(time.perf_counter() - t0)
    return min(times)


def compile_source(s):
    # A few stdlib files pass ast.parse but fail compile()'s later checks (e.g. a misplaced
    # `from __future__`); they are still parsed and timed.
    try:
        compile(s, "<bench>", "exec", dont_inherit=True)
    except SyntaxError:
        pass


for name, fn in [("ast.parse", ast.parse), ("compile()", compile_source)]:
    t = best(fn)
    print("CPython %s %-9s: %d files, %d lines, best of %d: %.3f s, %.0f lines/s"
          % (sys.version.split()[0], name, len(sources), lines, repeats, t, lines / t))
