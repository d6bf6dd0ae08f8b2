#!/usr/bin/env bash
# Real-client test with a Python LSP client library: pygls's LanguageClient (lsp_client_test.py)
# drives .build/debug/asyncd. The virtualenv (.venv-editors/, Python 3.12 through pyenv) is
# created and pygls pip-installed on first use; prints one PASS/SKIP/FAIL line.
# Exit status: 0 on PASS or SKIP, 1 on FAIL.
set -uo pipefail
cd "$(dirname "$0")/../../.."
binary="${ASYNCD_BINARY:-$PWD/.build/debug/asyncd}"
if [ ! -x "$binary" ]; then echo "pygls LSP test: SKIP (no $binary; run 'swift build --product asyncd')"; exit 0; fi
venv="$PWD/.venv-editors"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pygls.lsp.client' >/dev/null 2>&1; then
  rm -rf "$venv"
  if ! PYENV_VERSION=3.12.1 python3 -m venv "$venv" >/tmp/asyncd-pygls-install.log 2>&1 \
     || ! "$venv/bin/pip" install -q 'pygls>=2,<3' >>/tmp/asyncd-pygls-install.log 2>&1; then
    echo "pygls LSP test: SKIP (could not create the virtualenv or pip-install pygls; see /tmp/asyncd-pygls-install.log)"
    exit 0
  fi
fi
start=$(date +%s)
out="$(timeout 60 "$venv/bin/python" Tests/Editors/python/lsp_client_test.py "$binary" Tests/Fixtures/Daemon/editors/seed_mistakes.py 2>&1)"
status=$?
printf '%s\n' "$out" | sed 's/^/  /'
if [ $status -eq 0 ] && printf '%s' "$out" | grep -q "all checks passed"; then
  echo "pygls LSP test: PASS (pygls $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pygls"))'), $(( $(date +%s) - start )) s)"
  exit 0
fi
echo "pygls LSP test: FAIL (status $status)"
exit 1
