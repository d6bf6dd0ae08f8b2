#!/bin/sh
# Mutation fuzz sweep, release build: every .py file of the 3.12 stdlib, N deterministic
# mutations each (bytes deleted, duplicated, swapped); no crash, no hang, valid ranges.
# usage: bench/parser-fuzz.sh [DIR] [MUTATIONS_PER_FILE]
set -eu
cd "$(dirname "$0")/.."
PY="env PYENV_VERSION=3.12.1 python3"
DIR=${1:-$($PY -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
find "$DIR" -name '*.py' -type f | LC_ALL=C sort > "$TMP/list"
swift build -c release --product Benchmarks >/dev/null
.build/release/Benchmarks parser-fuzz "$TMP/list" "${2:-5}"
