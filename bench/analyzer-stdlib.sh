#!/bin/sh
# The analyzer benchmark: asyncd's check pipeline (release build) and ruff on the whole CPython
# 3.12 standard library, side by side in the same run.
# usage: bench/analyzer-stdlib.sh [DIR] [RUNS]   (default: the 3.12 stdlib, 5 runs)
# ruff is pip-installed into .venv-bench (git-ignored) for the benchmark only.
set -eu
cd "$(dirname "$0")/.."
PY="env PYENV_VERSION=3.12.1 python3"
DIR=${1:-$($PY -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
RUNS=${2:-5}
if [ ! -x .venv-bench/bin/ruff ]; then
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -q ruff
fi
.venv-bench/bin/ruff --version
swift build -c release --product asyncd >/dev/null
swift build -c release --product Benchmarks >/dev/null
uptime
.build/release/Benchmarks analyzer-check "$DIR" --ruff .venv-bench/bin/ruff --asyncd .build/release/asyncd --runs "$RUNS"
