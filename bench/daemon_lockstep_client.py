#!/usr/bin/env python3
"""Lock-step NDJSON client for bench/daemon.sh: sends one request, waits for its reply, repeats.

usage: daemon_lockstep_client.py COUNT COMMAND...
Prints the elapsed wall time in milliseconds for COUNT round trips (process start excluded) and
checks every reply's id and first entry.
"""
import json
import subprocess
import sys
import time

count = int(sys.argv[1])
command = sys.argv[2:]
queries = ["gather", "forgot await", "run coroutine from sync code", "sleep without blocking"]
expected = ["mistake-3-sequential-await", "mistake-1-forgot-await", "qr-run-from-sync", "qr-non-blocking-sleep"]
lines = [
    (json.dumps({"jsonrpc": "2.0", "id": i, "method": "async/lookup",
                 "params": {"query": queries[i % 4], "limit": 3}}) + "\n").encode()
    for i in range(count)
]
# Buffered pipes (an unbuffered readline reads one byte per system call), flushed per request.
process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
# One warm-up request so the timing excludes process start-up.
process.stdin.write(b'{"jsonrpc":"2.0","id":-1,"method":"async/lookup","params":{"query":"x"}}\n')
process.stdin.flush()
process.stdout.readline()
start = time.perf_counter()
for i, line in enumerate(lines):
    process.stdin.write(line)
    process.stdin.flush()
    reply = json.loads(process.stdout.readline())
    if reply.get("id") != i or reply["result"]["entries"][0]["id"] != expected[i % 4]:
        sys.exit(f"bad reply {i}: {reply}")
elapsed = time.perf_counter() - start
process.stdin.close()
process.wait()
print(f"{elapsed * 1000:.0f}")
