#!/usr/bin/env bash
# Publishes the Hadoop Streaming executable warc-uri-count (jobs/WarcUriCount.Streaming) as ONE self-contained
# Linux x64 file, compiled ahead of time (ReadyToRun) so that a task starts fast, to artifacts/streaming/warc-uri-count.
# The file runs on a node with no .NET installed; ship it with the hadoop command's -files (scripts/hadoop-streaming.sh).
#
# Environment (defaults in brackets):
#   STREAMING_OUT   output directory [artifacts/streaming]
#   STREAMING_RID   runtime identifier [linux-x64] (linux-arm64 for ARM nodes)
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${STREAMING_OUT:-artifacts/streaming}
RID=${STREAMING_RID:-linux-x64}

# InvariantGlobalization is on for every project (Directory.Build.props): no ICU is needed on the nodes.
dotnet publish jobs/WarcUriCount.Streaming/WarcUriCount.Streaming.csproj \
  -c Release -r "$RID" --self-contained true \
  -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:IncludeNativeLibrariesForSelfExtract=true \
  -p:DebugType=none -p:GenerateDocumentationFile=false \
  -o "$OUT" -nologo -v q

exe=$OUT/warc-uri-count
[ -x "$exe" ] || { echo "publish did not produce $exe" >&2; exit 1; }
# A smoke test of the published file itself: an empty reduce must succeed with no output.
if [ -n "$("$exe" reduce </dev/null 2>/dev/null)" ] || ! "$exe" reduce </dev/null 2>/dev/null; then
  echo "$exe does not run" >&2
  exit 1
fi
echo "$exe ($(du -h "$exe" | cut -f1)), $RID, self-contained, ReadyToRun" >&2
