#!/bin/sh
# Parser speed, release build: asyncd's parser and CPython 3.12's ast.parse / compile() over
# the same files (the whole 3.12 standard library by default) in the same run, then the time
# to parse one 2,000-line file.
# usage: bench/parser-bench.sh [DIR] [REPEATS]
set -eu
cd "$(dirname "$0")/.."
PY="env PYENV_VERSION=3.12.1 python3"
DIR=${1:-$($PY -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
REPEATS=${2:-3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
find "$DIR" -name '*.py' -type f | LC_ALL=C sort > "$TMP/all"
# Keep the files CPython 3.12 accepts as UTF-8, so both sides parse exactly the same sources.
$PY -W ignore -c '
import ast, sys
for p in open(sys.argv[1]).read().splitlines():
    try:
        d = open(p, "rb").read(); d.decode("utf-8"); ast.parse(d); print(p)
    except Exception:
        pass' "$TMP/all" > "$TMP/list"
swift build -c release --product Benchmarks >/dev/null
echo "machine: $(nproc) cores, $(uname -m); $(swift --version 2>/dev/null | head -1)"
.build/release/Benchmarks parser "$TMP/list" "$REPEATS"
$PY bench/parser_cpython_bench.py "$TMP/list" "$REPEATS"
# A 2,000-line file: the first 2,000 lines of the stdlib's _pydecimal.py (plain, valid code).
head -n 2000 "$DIR/_pydecimal.py" > "$TMP/two_thousand.py"
.build/release/Benchmarks parser-file "$TMP/two_thousand.py" 200
