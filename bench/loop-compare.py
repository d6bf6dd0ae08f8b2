#!/usr/bin/env python3
"""Runs async fixtures through `asyncd run --format json` and compares them with their expected
files as AsyncioDifferentialTests does (stdout, outcome, exception, runtime warnings, virtualTime);
prints the mismatches. Usage: bench/loop-compare.py [FILE.py ...] (default Tests/Fixtures/RunnerAsync)"""
import json, re, subprocess, sys, glob, os
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build/debug/asyncd")
files = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "Tests/Fixtures/RunnerAsync/*.py")))
mask = lambda s: re.sub(r"(?<= at )0x[0-9a-fA-F]+", "0x...", s)
ok = bad = 0
for f in files:
    try:
        out = subprocess.run([binary, "run", "--format", "json", f], capture_output=True, text=True, timeout=60).stdout
        got = json.loads(out)
        want = json.load(open(f[:-3] + ".expected.json"))
    except Exception as e:
        print(f"FAIL {os.path.basename(f)}: {e}")
        bad += 1
        continue
    diffs = []
    if mask(got["stdout"]) != want["stdout"]:
        diffs.append(f"stdout:\n--- ours\n{got['stdout']}--- cpython\n{want['stdout']}")
    if got["outcome"] != want["outcome"]:
        diffs.append(f"outcome {got['outcome']} != {want['outcome']}")
    if got.get("virtualTime") != want.get("virtualTime"):
        diffs.append(f"virtualTime {got.get('virtualTime')} != {want.get('virtualTime')}")
    rw = [w for w in want.get("warnings", []) if w.startswith("RuntimeWarning")]
    if [w for w in got.get("warnings", []) if w.startswith("RuntimeWarning")] != rw:
        diffs.append(f"warnings {got.get('warnings')} != {rw}")
    if want["outcome"] == "exception":
        ge, we = got.get("exception") or {}, want["exception"]
        if ge.get("type") != we["type"] or mask(ge.get("message", "")) != we["message"]:
            diffs.append(f"exception {ge.get('type')}: {ge.get('message')} != {we['type']}: {we['message']}")
        gt = [(t["line"], t["function"]) for t in ge.get("traceback", [])]
        wt = [(t["line"], t["function"]) for t in we["traceback"]]
        if gt != wt:
            diffs.append(f"traceback {gt} != {wt}")
    if diffs:
        bad += 1
        print(f"FAIL {os.path.basename(f)}: " + "\n  ".join(diffs))
    else:
        ok += 1
print(f"{ok} ok, {bad} failing")
sys.exit(1 if bad else 0)
