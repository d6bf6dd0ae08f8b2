#!/bin/sh
# Regenerates Tests/Fixtures/Runner/*.expected.json with the oracle (CPython 3.12 on a virtual
# clock). Fixtures whose first line is `# expect ...` are where asyncd intentionally differs
# (sandbox refusals, limits): their expectation is the header itself and they are skipped here.
#   bench/runner-regen-expected.sh [FILE.py ...]
set -eu
cd "$(dirname "$0")/.."
ORACLE=${ORACLE:-../shared/oracle/vtime.py}
[ -f "$ORACLE" ] || ORACLE=/work/shared/oracle/vtime.py
if [ $# -eq 0 ]; then set -- Tests/Fixtures/Runner/*.py; fi
for f in "$@"; do
    case "$(head -n 1 "$f")" in "# expect"*) continue ;; esac
    out="${f%.py}.expected.json"
    PYENV_VERSION=3.12.1 python3 "$ORACLE" --json "$f" | python3 -c '
import json, sys
r = json.load(sys.stdin)
r.pop("stderr", None)
print(json.dumps(r, indent=1, ensure_ascii=False, sort_keys=True))' > "$out" || true
done
