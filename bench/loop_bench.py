#!/usr/bin/env python3
"""The event loop's benchmark (BENCHMARKS.md, "## Event loop"): three asyncio programs timed on
asyncd's runner (release `Benchmarks runner-run`, limits lifted) and on CPython 3.12's own asyncio
in the same run. Each side runs the same source and prints the same line; the best of N runs
(wall time of the whole process, start-up included) is reported.
Usage: bench/loop_bench.py [--runs N] [--python CMD]   (after `swift build -c release --product Benchmarks`)"""
import os, subprocess, sys, tempfile, time
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build/release/Benchmarks")
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
python = sys.argv[sys.argv.index("--python") + 1].split() if "--python" in sys.argv else ["python3"]
env = dict(os.environ, PYENV_VERSION="3.12.1")

PROGRAMS = {
    "1,000 tasks x 1,000 sleep(0)": '''
import asyncio
async def worker():
    for _ in range(1000):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*(worker() for _ in range(1000)))
    print("done")
asyncio.run(main())
''',
    "gather of 100,000 coroutines": '''
import asyncio
async def trivial(i):
    return i
async def main():
    r = await asyncio.gather(*(trivial(i) for i in range(100000)))
    print(len(r), r[-1])
asyncio.run(main())
''',
    "Queue: 200,000 items, 1 producer, 4 consumers": '''
import asyncio
async def producer(q):
    for i in range(200000):
        await q.put(i)
    for _ in range(4):
        await q.put(None)
async def consumer(q, out):
    n = 0
    while True:
        item = await q.get()
        if item is None:
            break
        n += 1
    out.append(n)
async def main():
    q = asyncio.Queue(maxsize=100)
    out = []
    await asyncio.gather(producer(q), *(consumer(q, out) for _ in range(4)))
    print(sum(out))
asyncio.run(main())
''',
}

def best(cmd):
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - t0)
        out = p.stdout
    return min(times), out

print(f"{'program':48} {'asyncd':>9} {'CPython':>9} {'ratio':>7}")
for name, src in PROGRAMS.items():
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src.lstrip())
    ours, out = best([binary, "runner-run", "--steps", "10000000000", "--wall", "60000", "--memory", str(1 << 30), f.name])
    theirs, pyout = best(python + [f.name])
    ok = pyout.strip() in out
    print(f"{name:48} {ours:8.2f}s {theirs:8.2f}s {ours / theirs:6.2f}x{'' if ok else '  OUTPUT DIFFERS'}")
    os.unlink(f.name)
