#!/bin/sh
# Error-path differential: deterministic mutations of every 3.12 stdlib file, judged by CPython
# and by asyncd. Mutants CPython accepts must dump identically; mutants it rejects must be
# rejected at the same line.
# usage: bench/parser-mutation-diff.sh [DIR] [MUTATIONS_PER_FILE] [SEED]
set -eu
cd "$(dirname "$0")/.."
PY="env PYENV_VERSION=3.12.1 python3"
DIR=${1:-$($PY -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
find "$DIR" -name '*.py' -type f | LC_ALL=C sort > "$TMP/sources"
mkdir "$TMP/mutants" "$TMP/expected"
swift build -c release --product Benchmarks >/dev/null
.build/release/Benchmarks parser-mutate "$TMP/sources" "$TMP/mutants" "${2:-1}" "${3:-53759}"
$PY bench/parser_cpython_dump.py "$TMP/mutants/list" "$TMP/expected"
.build/release/Benchmarks parser-diff "$TMP/mutants/list" "$TMP/expected"
