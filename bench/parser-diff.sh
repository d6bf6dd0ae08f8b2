#!/bin/sh
# Differential sweep: every .py file of CPython 3.12's standard library, dumped by CPython's
# ast and by asyncd's parser (release build), compared byte for byte.
# usage: bench/parser-diff.sh [DIR]   (default: the 3.12 stdlib)
set -eu
cd "$(dirname "$0")/.."
PY="env PYENV_VERSION=3.12.1 python3"
DIR=${1:-$($PY -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
find "$DIR" -name '*.py' -type f | LC_ALL=C sort > "$TMP/list"
mkdir "$TMP/expected"
$PY bench/parser_cpython_dump.py "$TMP/list" "$TMP/expected"
swift build -c release --product Benchmarks >/dev/null
.build/release/Benchmarks parser-diff "$TMP/list" "$TMP/expected"
