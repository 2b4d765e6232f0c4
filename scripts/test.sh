#!/usr/bin/env bash
# The project's test entry point (README.md and .ci/run call exactly this).
# Installs what the tests need that NuGet does not provide (npm packages for DuckDB and s3rver),
# builds once, runs every test project, and closes with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d tests/tools/node_modules/@duckdb/node-api ] || [ ! -d tests/tools/node_modules/s3rver ]; then
  echo "Installing test tools (npm) into tests/tools/node_modules ..." >&2
  # Not 'npm ci': npm rejects a lock file that lacks the other platforms' optional DuckDB bindings.
  (cd tests/tools && npm install --no-audit --no-fund --no-save --loglevel=error)
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build BigData.sln -c Release -v q -nologo "$@"
status=0
dotnet test BigData.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" "$@" || status=$?

# Count outcomes over every TRX file (one per test project). Skipped tests are 'total - executed' (the TRX
# 'notExecuted' counter stays 0 for xunit skips).
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    n = lambda k: int(c.get(k, 0))
    p += n("passed"); f += n("failed") + n("error") + n("timeout") + n("aborted")
    s += n("total") - n("executed")
print(p, f, s)
PY
)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner itself failed (a crash, a build error): never report green
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
