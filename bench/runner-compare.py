#!/usr/bin/env python3
"""Runs every fixture through `Benchmarks runner-run` and compares with its expected file,
as RunnerTests does; prints the mismatches. Usage: bench/runner-compare.py [FILE.py ...]"""
import json, re, subprocess, sys, glob, os
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build/debug/Benchmarks")
files = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "Tests/Fixtures/Runner/*.py")))
mask = lambda s: re.sub(r"(?<= at )0x[0-9a-fA-F]+", "0x...", s)
ok = bad = 0
for f in files:
    first = open(f).readline()
    try:
        steps = ["--steps", "1000000"] if first.startswith("# expect limit: steps") else ["--steps", "50000000"]
        out = subprocess.run([binary, "runner-run"] + steps + [f], capture_output=True, text=True, timeout=60).stdout
        got = json.loads(out)
    except Exception as e:
        print(f"FAIL {os.path.basename(f)}: runner crashed or hung: {e}")
        bad += 1
        continue
    if first.startswith("# expect"):
        want = first.split(":", 1)
        kind = first[len("# expect"):].split(":")[0].strip()
        detail = want[1].strip() if len(want) > 1 else ""
        good = got["outcome"] == kind and (kind != "limit" or got.get("limit") == detail)
        if not good:
            print(f"FAIL {os.path.basename(f)}: expected {kind} {detail}, got {got['outcome']} {got.get('limit')}")
            bad += 1
        else:
            ok += 1
        continue
    exp = json.load(open(f[:-3] + ".expected.json"))
    problems = []
    if mask(got["stdout"]) != exp["stdout"]:
        problems.append(f"stdout\n--- want\n{exp['stdout']}--- got\n{mask(got['stdout'])}")
    rw = lambda ws: [w for w in ws if w.startswith("RuntimeWarning")]
    if rw(got.get("warnings", [])) != rw(exp.get("warnings", [])):
        problems.append(f"warnings want {rw(exp.get('warnings', []))} got {rw(got.get('warnings', []))}")
    if got["outcome"] != exp["outcome"]:
        problems.append(f"outcome want {exp['outcome']} got {got['outcome']}")
    ee, ge = exp.get("exception"), got.get("exception")
    if ee and exp["outcome"] == "exception":
        if not ge or ge["type"] != ee["type"] or mask(ge["message"]) != ee["message"] or ge["traceback"] != ee["traceback"]:
            short = lambda tb: [(t['line'], t['function']) for t in tb][:6] + (['... %d' % len(tb)] if len(tb) > 6 else [])
            problems.append(f"exception want {ee['type']}: {ee['message']} {short(ee['traceback'])}\n          got {ge and (ge['type'] + ': ' + ge['message'])} {ge and short(ge['traceback'])}")
    if problems:
        bad += 1
        print(f"FAIL {os.path.basename(f)}: " + "\n  ".join(problems))
    else:
        ok += 1
print(f"{ok} passed, {bad} failed")
