#!/usr/bin/env bash
# Regenerates data/sample with the project's own generator (`bigdata sample`): four Common-Crawl-like files
# (four slices of one crawl over one host population, so the reduce side really merges counts across files),
# one gzip member per record, so that `bigdata count data/sample` keeps every core busy. Deterministic: the
# uncompressed bytes depend only on the options below (a test checks that the committed files match them).
# The golden outputs beside it (data/sample.<key>.expected.tsv) are refreshed with --golden, by
# scripts/golden-sample.py: independent Python code, never the implementation under test.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${SAMPLE_PAGES:-60}
HOSTS=${SAMPLE_HOSTS:-80}
mkdir -p data/sample
dotnet build src/BigData.Cli -c Release -v q -nologo >/dev/null
cli() { dotnet src/BigData.Cli/bin/Release/net10.0/bigdata.dll "$@"; }
for i in 0 1 2 3; do
  cli sample --out "data/sample/CC-SAMPLE-0000$i.warc.gz" --pages "$PAGES" --hosts "$HOSTS" --seed 2026 --first-page "$((i * PAGES))"
done
if [ "${1:-}" = "--golden" ]; then
  python3 scripts/golden-sample.py
fi
du -ch data/sample/* | tail -1
