#!/usr/bin/env bash
# Daemon benchmarks (release build; not a test). Figures go to BENCHMARKS.md, "## Daemon".
#
#  1. Cold start: process start to answer for `asyncd lookup gather`, with CPython's own start-up
#     (`python3 -c pass`, `python3 -c 'import asyncio'`) measured in the same run as the anchor.
#     hyperfine when installed, else a loop timed with `date +%s%N`.
#  2. 10,000 NDJSON `async/lookup` round trips through one daemon:
#     a. pipelined: all 10,000 requests written at once, all replies read (throughput);
#     b. lock-step: one request, wait for its reply, next (latency; the Python client's own
#        overhead is included), against the CPython anchor bench/daemon_python_anchor.py.
#
# usage: bench/daemon.sh [--no-build]
#   ASYNCD_STATIC=1 also builds `--static-swift-stdlib` into .build-static and times its cold start.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-build" ]]; then swift build -c release --product asyncd >&2; fi
BIN=.build/release/asyncd
OUT=bench-out
mkdir -p "$OUT"
# The anchor interpreter: CPython 3.12 (the project's target) resolved past pyenv's shim, so the
# shim's own start-up is not counted; override with PYTHON=/path/to/python3.
PY=${PYTHON:-$(PYENV_VERSION=3.12.1 python3 -c 'import sys; print(sys.executable)' 2>/dev/null || command -v python3)}
echo "anchor interpreter: $PY ($("$PY" --version 2>&1))"
N=10000

echo "## cold start: $BIN lookup gather"
if command -v hyperfine >/dev/null; then
  extra=()
  if [[ "${ASYNCD_STATIC:-}" == 1 ]]; then
    swift build -c release --static-swift-stdlib --product asyncd --build-path .build-static >&2
    extra=(".build-static/release/asyncd lookup gather")
  fi
  hyperfine -N --warmup 10 --runs 300 --export-markdown "$OUT/cold.md" \
    "$BIN lookup gather" "${extra[@]}" "$PY -c pass" "$PY -c 'import asyncio'" >&2
  cat "$OUT/cold.md"
else
  for cmd in "$BIN lookup gather" "$PY -c pass"; do
    runs=200; start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do $cmd >/dev/null; done
    end=$(date +%s%N)
    echo "$cmd: $(( (end - start) / runs / 1000 )) µs per run (mean of $runs)"
  done
fi

echo
echo "## $N async/lookup requests, pipelined through one daemon"
queries=("gather" "forgot await" "run coroutine from sync code" "sleep without blocking")
input="$OUT/lookups.ndjson"
: > "$input"
for ((i = 0; i < N; i++)); do
  printf '{"jsonrpc":"2.0","id":%d,"method":"async/lookup","params":{"query":"%s","limit":3}}\n' "$i" "${queries[i % 4]}" >> "$input"
done
best=""
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$BIN" < "$input" > "$OUT/replies.ndjson"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  replies=$(grep -c '"result":{"entries":\[{"id":"' "$OUT/replies.ndjson")
  [[ "$replies" == "$N" ]] || { echo "expected $N replies, got $replies" >&2; exit 1; }
  echo "run $run: ${ms} ms for $N requests (process start included)"
  if [[ -z "$best" || "$ms" -lt "$best" ]]; then best=$ms; fi
done
echo "best: ${best} ms"

echo
echo "## $N async/lookup round trips in lock-step (one request, wait for the reply, next)"
for run in 1 2 3; do
  echo "asyncd run $run: $($PY bench/daemon_lockstep_client.py $N "$BIN") ms"
done
echo "CPython anchor (json loop, no ranking): $($PY bench/daemon_lockstep_client.py $N $PY bench/daemon_python_anchor.py) ms"
