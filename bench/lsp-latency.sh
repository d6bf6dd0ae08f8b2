#!/usr/bin/env bash
# didChange → publishDiagnostics latency (p50/p95 over 200 comment edits, then 200 code edits
# of a number, then 200 edits of a name, of a 2,000-line file, reported apart and together) and idle RSS of asyncd, `ruff server` and
# `basedpyright-langserver`, measured by one driver in one run (bench/lsp_latency_driver.py).
# ruff and basedpyright are pip-installed into .venv-bench/ (bench only; never used by the
# tests). Release build of asyncd, default settings (no debounce timer: the reader analyses the
# documents changed by each read of the input, once); the row `asyncd-debounce5` is the same
# binary with `debounceMilliseconds: 5`.
# ASYNCD_STATIC=1 adds the --static-swift-stdlib build (.build-static/, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product asyncd >/dev/null
venv=.venv-bench
if [ ! -x "$venv/bin/ruff" ] || [ ! -x "$venv/bin/basedpyright-langserver" ]; then
  PYENV_VERSION=3.12.1 python3 -m venv "$venv"
  "$venv/bin/pip" install -q ruff basedpyright
fi
servers=("asyncd=.build/release/asyncd serve" "asyncd-debounce5=.build/release/asyncd serve")
if [ "${ASYNCD_STATIC:-0}" = 1 ]; then
  swift build -c release --static-swift-stdlib --build-path .build-static --product asyncd >/dev/null
  servers+=("asyncd-static=.build-static/release/asyncd serve")
fi
servers+=("ruff=$venv/bin/ruff server" "basedpyright=$venv/bin/basedpyright-langserver --stdio")
echo "asyncd $(.build/release/asyncd --version), $("$venv/bin/ruff" --version), $("$venv/bin/basedpyright" --version 2>/dev/null | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
LSP_BENCH_OPTIONS_ASYNCD_DEBOUNCE5='{"debounceMilliseconds":5}' PYENV_VERSION=3.12.1 python3 bench/lsp_latency_driver.py "${servers[@]}"
