#!/usr/bin/env bash
# Real-client test: Neovim's built-in LSP client drives .build/debug/asyncd (see lsp_scenario.lua).
# Installs Debian's neovim when missing (apt-get, as root); prints one PASS/SKIP/FAIL line.
# Exit status: 0 on PASS or SKIP, 1 on FAIL.
set -uo pipefail
cd "$(dirname "$0")/../../.."
binary="${ASYNCD_BINARY:-$PWD/.build/debug/asyncd}"
if [ ! -x "$binary" ]; then echo "neovim LSP test: SKIP (no $binary; run 'swift build --product asyncd')"; exit 0; fi
if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "neovim LSP test: installing Debian's neovim ..."
    (apt-get install -y -q neovim >/tmp/asyncd-neovim-install.log 2>&1 \
      || (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q neovim >>/tmp/asyncd-neovim-install.log 2>&1)) || true
  fi
  if ! command -v nvim >/dev/null 2>&1; then
    echo "neovim LSP test: SKIP (neovim is not installed and could not be installed; see /tmp/asyncd-neovim-install.log)"
    exit 0
  fi
fi
if ! nvim --headless -u NONE -c 'lua if vim.lsp.start_client == nil then vim.cmd("cquit 3") end' -c 'qall!' >/dev/null 2>&1; then
  echo "neovim LSP test: SKIP ($(nvim --version | head -1) has no vim.lsp.start_client)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp Tests/Fixtures/Daemon/editors/seed_mistakes.py "$work/seed_mistakes.py"
start=$(date +%s)
ASYNCD_BINARY="$binary" ASYNCD_FILE="$work/seed_mistakes.py" \
  timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile Tests/Editors/neovim/lsp_scenario.lua" >"$work/out" 2>&1
status=$?
cat "$work/out" | sed 's/^/  /'
if [ $status -eq 0 ] && grep -q "all checks passed" "$work/out"; then
  echo "neovim LSP test: PASS ($(nvim --version | head -1), $(( $(date +%s) - start )) s)"
  exit 0
fi
echo "neovim LSP test: FAIL (status $status)"
exit 1
