#!/usr/bin/env python3
"""The anchor for bench/daemon.sh's round trips: the cheapest NDJSON JSON-RPC loop CPython can
run (json.loads, a dict lookup, json.dumps, flush), answering async/lookup from a fixed table.
It does no ranking at all, so it is a floor for an interpreter-based daemon, not a competitor."""
import json
import sys

table = {"gather": "mistake-3-sequential-await", "forgot await": "mistake-1-forgot-await",
         "run coroutine from sync code": "qr-run-from-sync", "sleep without blocking": "qr-non-blocking-sleep"}
for line in sys.stdin:
    request = json.loads(line)
    entry = table.get(request["params"]["query"])
    result = {"entries": [{"id": entry, "score": 1.0}] if entry else []}
    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": result}) + "\n")
    sys.stdout.flush()
