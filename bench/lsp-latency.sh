#!/usr/bin/env bash
# didChange → publishDiagnostics latency (p50/p95 over 200 edits of a 2,000-line file) and idle
# RSS of asyncd, `ruff server` and `basedpyright-langserver`, measured by one driver in one run
# (bench/lsp_latency_driver.py). ruff and basedpyright are pip-installed into .venv-bench/
# (bench only; never used by the tests). Release build of asyncd.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product asyncd >/dev/null
venv=.venv-bench
if [ ! -x "$venv/bin/ruff" ] || [ ! -x "$venv/bin/basedpyright-langserver" ]; then
  PYENV_VERSION=3.12.1 python3 -m venv "$venv"
  "$venv/bin/pip" install -q ruff basedpyright
fi
echo "asyncd $(.build/release/asyncd --version), $("$venv/bin/ruff" --version), basedpyright $("$venv/bin/basedpyright" --version 2>/dev/null | head -1)"
PYENV_VERSION=3.12.1 python3 bench/lsp_latency_driver.py \
  "asyncd=.build/release/asyncd serve" \
  "ruff=$venv/bin/ruff server" \
  "basedpyright=$venv/bin/basedpyright-langserver --stdio"
