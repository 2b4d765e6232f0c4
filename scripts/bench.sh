#!/usr/bin/env bash
# Throughput benchmark of DESIGN.md §8, all in one run on one file:
#   (1) plain GZipStream decompression (the baseline; tests/BigData.Benchmarks "gunzip")
#   (2) bigdata count, one worker
#   (3) the classic Python streaming pipeline: zcat | mapper.py | sort | reducer.py
#   (4) the shell one-liner: zcat | grep | awk | sort | uniq -c
#   (5) bigdata count, two workers on two copies of the file (2-core scaling)
#   (6) bigdata count, one worker, reading the file over HTTP from a loopback server (BigData.Benchmarks "serve")
#   (7) bigdata count, one worker, reading the file from s3rver on 127.0.0.1 through AWSSDK.S3 (uploaded once)
#   (6) and (7) are also reported relative to (2), the same count reading from local disk.
#   (8) the streaming mapper, WARC content on stdin: zcat | warc-uri-count map --input-style warc
#   (9) the streaming mapper, the file as a location on stdin: warc-uri-count map --input-style locations
#   (8) and (9) are reported relative to (2); then the streaming executable's start-up: median wall time of
#   `warc-uri-count reduce < /dev/null` over 20 runs
# Throughput is MB/s of COMPRESSED input (10^6 bytes), wall clock including process start, best of N runs
# (the machine may be shared and noisy). CPU time (user+sys, best of N) is reported beside it: on a loaded machine it
# is the steadier measure, and it counts the kernel's share too (the baseline reads its input in 8 KiB system calls,
# bigdata in 64 KiB ones, so the two split the copying between kernel and user space differently).
# A piece that is missing or fails is reported, never silently skipped.
#
# The CLI is measured as it is deployed: published once ReadyToRun (precompiled, framework-dependent, for this
# machine's runtime identifier) into BENCH_DIR/cli-r2r, so that its start-up does not JIT the command line and job
# machinery. Its runtimeconfig turns dynamic PGO off (see src/BigData.Cli/BigData.Cli.csproj). The baseline's hot loop
# is the framework's GZipStream, which ships precompiled; its own few lines are JIT-compiled.
#
# Environment (defaults in brackets):
#   BENCH_PAGES        pages of the generated sample [110000, about 1 GB compressed; 2000 with BENCH_QUICK=1]
#   BENCH_HOSTS        distinct hosts of the sample [20000]
#   BENCH_SEED         sample seed [1]
#   BENCH_QUICK=1      smoke run: a small sample, one repeat
#   BENCH_REPEAT       runs of (1), (2), (5), best taken [3; 1 with BENCH_QUICK=1]
#   BENCH_SLOW_REPEAT  runs of the slow pipelines (3), (4) [1]
#   BENCH_FILE         benchmark this existing .warc.gz instead of a generated sample (e.g. a real Common Crawl file)
#   BENCH_DIR          where samples and outputs are kept between runs [.bench, git-ignored]
#   BENCH_SKIP_BUILD=1 use the existing Release build (and the existing ReadyToRun publish, if there is one)
#   BENCH_CLI          command that runs the CLI [the ReadyToRun publish in BENCH_DIR/cli-r2r], e.g. a
#                      published single-file executable
#   BENCH_ONLY         measure only these, by name: gunzip count1 classic oneliner count2 http1 s3_1 streamwarc
#                      streamloc streamstart (the start-up timing) [all]
#   BENCH_STREAMING    command that runs warc-uri-count [artifacts/streaming/warc-uri-count when
#                      scripts/publish-streaming.sh has made it, else dotnet jobs/WarcUriCount.Streaming/bin/Release/...]
#   BENCH_REMOTE=0     skip (6) and (7) [1]. s3rver needs tests/tools/node_modules (scripts/test.sh installs it) and
#                      keeps its copy of the file in BENCH_DIR/s3rver (about the file's size again).
#   BENCH_R2R=0        measure the plain Release build of the CLI (JIT) instead of publishing it ReadyToRun
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
  PAGES=${BENCH_PAGES:-2000}
  REPEAT=${BENCH_REPEAT:-1}
else
  PAGES=${BENCH_PAGES:-110000}
  REPEAT=${BENCH_REPEAT:-3}
fi
HOSTS=${BENCH_HOSTS:-20000}
SEED=${BENCH_SEED:-1}
SLOW_REPEAT=${BENCH_SLOW_REPEAT:-1}
BENCH_DIR=${BENCH_DIR:-$ROOT/.bench}
mkdir -p "$BENCH_DIR"

CLI_DLL=$ROOT/src/BigData.Cli/bin/Release/net10.0/bigdata.dll
CLI_R2R_DIR=$BENCH_DIR/cli-r2r
TOOLS_DLL=$ROOT/tests/BigData.Benchmarks/bin/Release/net10.0/BigData.Benchmarks.dll
STREAMING_EXE=$ROOT/artifacts/streaming/warc-uri-count
STREAMING_DLL=$ROOT/jobs/WarcUriCount.Streaming/bin/Release/net10.0/warc-uri-count.dll
MAPPER=$ROOT/scripts/classic/mapper.py
REDUCER=$ROOT/scripts/classic/reducer.py

log() { printf '%s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# ---------------------------------------------------------------------------------------------------------------
# Build (once)
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "Building Release (CLI and benchmark tools) ..."
  for project in src/BigData.Cli/BigData.Cli.csproj tests/BigData.Benchmarks/BigData.Benchmarks.csproj jobs/WarcUriCount.Streaming/WarcUriCount.Streaming.csproj; do
    if ! dotnet build "$project" -c Release -nologo -v q >"$BENCH_DIR/build.log" 2>&1; then
      log "build of $project failed (see $BENCH_DIR/build.log); measurements that need it will say so"
    fi
  done
  if [ -z "${BENCH_CLI:-}" ] && [ "${BENCH_R2R:-1}" != 0 ]; then
    RID=$(dotnet --info 2>/dev/null | awk '$1 == "RID:" { print $2; exit }')
    log "Publishing the CLI ReadyToRun for ${RID:-?} into $CLI_R2R_DIR ..."
    rm -rf "$CLI_R2R_DIR"
    if [ -z "$RID" ] || ! dotnet publish src/BigData.Cli/BigData.Cli.csproj -c Release -r "$RID" --self-contained false \
        -p:PublishReadyToRun=true -o "$CLI_R2R_DIR" -nologo -v q >"$BENCH_DIR/publish.log" 2>&1; then
      log "ReadyToRun publish failed (see $BENCH_DIR/publish.log); measuring the Release build instead"
      rm -rf "$CLI_R2R_DIR"
    fi
  fi
fi

if [ -n "${BENCH_CLI:-}" ]; then
  CLI=$BENCH_CLI
  CLI_MODE="BENCH_CLI: $BENCH_CLI"
elif [ "${BENCH_R2R:-1}" != 0 ] && [ -f "$CLI_R2R_DIR/bigdata.dll" ]; then
  CLI="dotnet $(printf '%q' "$CLI_R2R_DIR/bigdata.dll")"
  CLI_MODE="ReadyToRun publish (${CLI_R2R_DIR#"$ROOT"/})"
elif [ -f "$CLI_DLL" ]; then
  CLI="dotnet $(printf '%q' "$CLI_DLL")"
  CLI_MODE="Release build, JIT (${CLI_DLL#"$ROOT"/})"
else
  CLI=""
  CLI_MODE="none"
fi

if [ -n "${BENCH_STREAMING:-}" ]; then
  STREAMING=$BENCH_STREAMING
elif [ -x "$STREAMING_EXE" ]; then
  STREAMING=$(printf '%q' "$STREAMING_EXE")
elif [ -f "$STREAMING_DLL" ]; then
  STREAMING="dotnet $(printf '%q' "$STREAMING_DLL")"
else
  STREAMING=""
fi

have_cli_command() { # does the CLI know this subcommand and option? (the skeleton's stub CLI knows none)
  [ -n "$CLI" ] && bash -c "$CLI $1 --help" 2>/dev/null | grep -q -- "$2"
}

# ---------------------------------------------------------------------------------------------------------------
# The input: a cached sample (generated once per size/hosts/seed), or BENCH_FILE
if [ -n "${BENCH_FILE:-}" ]; then
  FILE=$BENCH_FILE
  [ -f "$FILE" ] || { log "BENCH_FILE=$FILE does not exist"; exit 2; }
else
  FILE=$BENCH_DIR/sample-p$PAGES-h$HOSTS-s$SEED.warc.gz
  if [ ! -s "$FILE" ]; then
    if have_cli_command sample --pages; then
      GENERATOR=(bash -c "$CLI sample \"\$@\"" bigdata)
    elif [ -f "$TOOLS_DLL" ]; then
      log "note: the CLI has no 'sample' command yet; generating with the same code hosted in BigData.Benchmarks"
      GENERATOR=(dotnet "$TOOLS_DLL" sample)
    else
      log "no sample generator available (build failed?)"
      exit 2
    fi
    log "Generating $FILE ($PAGES pages, $HOSTS hosts, seed $SEED) ..."
    t0=$(now)
    "${GENERATOR[@]}" --out "$FILE" --pages "$PAGES" --hosts "$HOSTS" --seed "$SEED" || { log "sample generation failed"; exit 2; }
    t1=$(now)
    log "Generated in $(elapsed "$t0" "$t1") s"
  fi
fi

COPY=$BENCH_DIR/copy2-$(basename "$FILE")
if [ ! -f "$COPY" ] || [ "$FILE" -nt "$COPY" ] || [ "$(stat -L -c %s "$FILE")" != "$(stat -L -c %s "$COPY")" ]; then
  cp -f "$FILE" "$COPY"
fi

SIZE=$(stat -L -c %s "$FILE")
# Read both copies once so every measurement starts from the page cache, not the disk.
cat "$FILE" "$COPY" >/dev/null

# ---------------------------------------------------------------------------------------------------------------
# Loopback servers for (6) and (7): started here, stopped when the script exits. Loopback only.
REMOTE=${BENCH_REMOTE:-1}
wanted() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }
S3RVER_JS=$ROOT/tests/tools/node_modules/s3rver/bin/s3rver.js
S3_BUCKET=bench
S3_KEY=$(basename "$FILE")
HTTP_URL=""
HTTP_STATUS=""
S3_ENDPOINT=""
S3_STATUS=""
S3_PID=""
cleanup() {
  [ -n "$S3_PID" ] && kill "$S3_PID" 2>/dev/null
  [ -n "${HTTP_HOLD:-}" ] && exec {HTTP_HOLD}>&-  # the serve tool stops when its stdin closes
  return 0
}
trap cleanup EXIT

wait_for_line() { # file regex seconds -> prints the first match
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if grep -oE "$2" "$1" 2>/dev/null | head -n 1 | grep .; then return 0; fi
    sleep 0.1
  done
  return 1
}

if [ "$REMOTE" != 1 ]; then
  HTTP_STATUS="skipped (BENCH_REMOTE=0)"
  S3_STATUS=$HTTP_STATUS
else
  if ! wanted http1; then
    HTTP_STATUS="skipped (not in BENCH_ONLY)"
  elif [ ! -f "$TOOLS_DLL" ]; then
    HTTP_STATUS="not available (BigData.Benchmarks not built)"
  else
    # The server reads its stdin until EOF: this script holds the write end, so the server dies with it.
    rm -f "$BENCH_DIR/serve.url" # a stale URL from the last run must not be read before the new server writes it
    exec {HTTP_HOLD}> >(exec dotnet "$TOOLS_DLL" serve "$(dirname "$FILE")" >"$BENCH_DIR/serve.url" 2>"$BENCH_DIR/serve.err")
    if base=$(wait_for_line "$BENCH_DIR/serve.url" '^http://127\.0\.0\.1:[0-9]+/' 30); then
      HTTP_URL=$base$(basename "$FILE")
    else
      HTTP_STATUS="not available (loopback HTTP server did not start; see $BENCH_DIR/serve.err)"
    fi
  fi

  if ! wanted s3_1; then
    S3_STATUS="skipped (not in BENCH_ONLY)"
  elif [ ! -f "$S3RVER_JS" ]; then
    S3_STATUS="not available (s3rver missing: run scripts/test.sh or npm install in tests/tools)"
  elif ! command -v node >/dev/null; then
    S3_STATUS="not available (no node)"
  else
    mkdir -p "$BENCH_DIR/s3rver"
    rm -f "$BENCH_DIR/s3rver.log"
    # --openssl-legacy-provider: s3rver 3.7.1 uses DES for listing tokens, which OpenSSL 3 hides otherwise.
    node --openssl-legacy-provider "$S3RVER_JS" --directory "$BENCH_DIR/s3rver" --address 127.0.0.1 --port 0 \
      --configure-bucket "$S3_BUCKET" --silent >"$BENCH_DIR/s3rver.log" 2>&1 &
    S3_PID=$!
    if port=$(wait_for_line "$BENCH_DIR/s3rver.log" 'listening on 127\.0\.0\.1:[0-9]+' 60); then
      S3_ENDPOINT=http://127.0.0.1:${port##*:}
      stored=$(curl -sfI "$S3_ENDPOINT/$S3_BUCKET/$S3_KEY" | tr -d '\r' | awk -F': ' 'tolower($1) == "content-length" { print $2 }')
      if [ "$stored" != "$SIZE" ]; then
        log "Uploading $S3_KEY to s3rver (once; kept in $BENCH_DIR/s3rver) ..."
        # s3rver accepts unsigned requests; a plain PUT avoids needing an S3 client here.
        curl -sf -o /dev/null -T "$FILE" "$S3_ENDPOINT/$S3_BUCKET/$S3_KEY" || S3_STATUS="not available (upload to s3rver failed)"
      fi
    else
      S3_STATUS="not available (s3rver did not start; see $BENCH_DIR/s3rver.log)"
    fi
  fi
fi

# ---------------------------------------------------------------------------------------------------------------
# Measurements. Each is a bash -c command line whose stdout is kept for a sanity check of its result.
NAMES=(gunzip count1 classic oneliner count2 http1 s3_1 streamwarc streamloc)
declare -A LABEL CMD BYTES REPEATS CHECK BEST BEST_CPU STATUS RESULT
LABEL[gunzip]="(1) GZipStream decompression"
LABEL[count1]="(2) bigdata count --workers 1"
LABEL[classic]="(3) zcat | mapper.py | sort | reducer.py"
LABEL[oneliner]="(4) zcat | grep | awk | sort | uniq -c"
LABEL[count2]="(5) bigdata count --workers 2, 2 files"
LABEL[http1]="(6) bigdata count --workers 1, HTTP"
LABEL[s3_1]="(7) bigdata count --workers 1, s3rver"
LABEL[streamwarc]="(8) zcat | warc-uri-count map (warc)"
LABEL[streamloc]="(9) warc-uri-count map (locations)"

q() { printf '%q' "$1"; }
CMD[gunzip]="dotnet $(q "$TOOLS_DLL") gunzip $(q "$FILE")"
CMD[count1]="$CLI count --workers 1 --output - $(q "$FILE")"
CMD[classic]="zcat $(q "$FILE") | python3 $(q "$MAPPER") | LC_ALL=C sort | python3 $(q "$REDUCER")"
CMD[oneliner]="zcat $(q "$FILE") | grep -a '^WARC-Target-URI:' | awk '{split(\$2,p,\"/\"); print p[1]\"//\"p[3]}' | LC_ALL=C sort | uniq -c"
CMD[count2]="$CLI count --workers 2 --output - $(q "$FILE") $(q "$COPY")"
CMD[http1]="$CLI count --workers 1 --output - $(q "$HTTP_URL")"
# The SDK's default credential chain finds s3rver's built-in key pair in the environment.
CMD[streamwarc]="zcat $(q "$FILE") | $STREAMING map --input-style warc"
CMD[streamloc]="printf '%s\\n' $(q "$FILE") | $STREAMING map --input-style locations"
CMD[s3_1]="AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER $CLI count --workers 1 --output - --s3-endpoint $(q "$S3_ENDPOINT") $(q "s3://$S3_BUCKET/$S3_KEY")"

for n in "${NAMES[@]}"; do BYTES[$n]=$SIZE; REPEATS[$n]=$REPEAT; STATUS[$n]=""; BEST[$n]=""; BEST_CPU[$n]=""; RESULT[$n]=""; done
BYTES[count2]=$((SIZE * 2))
REPEATS[classic]=$SLOW_REPEAT
REPEATS[oneliner]=$SLOW_REPEAT

# What each output must look like: a one-line summary of it, or nothing when it is not a real result.
# gunzip prints "bytes_in bytes_out seconds"; the counters print key<TAB>count; uniq -c prints "count key".
CHECK[gunzip]='awk "NF==3 && \$2>0 { printf \"%.0f MB out\", \$2/1e6; ok=1 } END { exit !ok }"'
CHECK[count1]='awk -F"\t" "NF>=2 { k++; s+=\$NF } END { if (k) printf \"%d keys, %d counted\", k, s; exit !k }"'
CHECK[count2]=${CHECK[count1]}
CHECK[http1]=${CHECK[count1]}
CHECK[s3_1]=${CHECK[count1]}
CHECK[streamwarc]=${CHECK[count1]}
CHECK[streamloc]=${CHECK[count1]}
CHECK[classic]=${CHECK[count1]}
CHECK[oneliner]='awk "NF>=2 { k++; s+=\$1 } END { if (k) printf \"%d keys, %d counted\", k, s; exit !k }"'

# Is the piece there at all?
[ -f "$TOOLS_DLL" ] || STATUS[gunzip]="not available (BigData.Benchmarks not built)"
if ! have_cli_command count --workers; then
  STATUS[count1]="not available (bigdata has no 'count' command)"
  STATUS[count2]=${STATUS[count1]}
  STATUS[http1]=${STATUS[count1]}
  STATUS[s3_1]=${STATUS[count1]}
fi
if [ -z "$STREAMING" ]; then
  STATUS[streamwarc]="not available (warc-uri-count not built or published)"
  STATUS[streamloc]=${STATUS[streamwarc]}
fi
for n in "${NAMES[@]}"; do
  wanted "$n" || STATUS[$n]="skipped (not in BENCH_ONLY)"
done
[ -n "$HTTP_STATUS" ] && [ -z "${STATUS[http1]}" ] && STATUS[http1]=$HTTP_STATUS
[ -n "$S3_STATUS" ] && [ -z "${STATUS[s3_1]}" ] && STATUS[s3_1]=$S3_STATUS
missing=""
for f in "$MAPPER" "$REDUCER"; do
  [ -f "$f" ] || missing="$missing ${f#"$ROOT"/}"
done
[ -z "$missing" ] || STATUS[classic]="not available (missing$missing)"
command -v python3 >/dev/null || STATUS[classic]="not available (no python3)"

# CPU time of a run (user+sys of the whole command, pipelines included) needs GNU time; without it only wall clock.
TIME_BIN=""
[ -x /usr/bin/time ] && /usr/bin/time -f "%U" true >/dev/null 2>&1 && TIME_BIN=/usr/bin/time

is_less() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

run_once() { # name -> updates BEST / BEST_CPU / STATUS / RESULT
  local n=$1 out=$BENCH_DIR/out.$1 t0 t1 dt rc summary cpu=""
  t0=$(now)
  if [ -n "$TIME_BIN" ]; then
    "$TIME_BIN" -f "%U %S" -o "$out.time" bash -o pipefail -c "${CMD[$n]}" >"$out" 2>"$out.err"
  else
    bash -o pipefail -c "${CMD[$n]}" >"$out" 2>"$out.err"
  fi
  rc=$?
  t1=$(now)
  [ -n "$TIME_BIN" ] && cpu=$(awk 'NF == 2 { printf "%.3f", $1 + $2 }' "$out.time" 2>/dev/null)
  if [ $rc -ne 0 ]; then
    STATUS[$n]="failed (exit $rc): $(tail -n 1 "$out.err" | cut -c1-80)"
    return
  fi
  if ! summary=$(bash -c "${CHECK[$n]}" <"$out"); then
    STATUS[$n]="failed (no result on stdout; see $out.err)"
    return
  fi
  RESULT[$n]=$summary
  dt=$(elapsed "$t0" "$t1")
  if [ -z "${BEST[$n]}" ] || is_less "$dt" "${BEST[$n]}"; then
    BEST[$n]=$dt
  fi
  if [ -n "$cpu" ] && { [ -z "${BEST_CPU[$n]}" ] || is_less "$cpu" "${BEST_CPU[$n]}"; }; then
    BEST_CPU[$n]=$cpu
  fi
}

log "Input: $FILE ($(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s/1e6 }') MB compressed); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
log "CLI: $CLI_MODE"
# The fast measurements alternate round by round, so a burst of load elsewhere hits them alike.
max_repeat=$REPEAT
[ "$SLOW_REPEAT" -gt "$max_repeat" ] && max_repeat=$SLOW_REPEAT
for ((round = 1; round <= max_repeat; round++)); do
  for n in "${NAMES[@]}"; do
    if [ -z "${STATUS[$n]}" ] && [ "$round" -le "${REPEATS[$n]}" ]; then
      log "  round $round: ${LABEL[$n]} ..."
      run_once "$n"
    fi
  done
done

# ---------------------------------------------------------------------------------------------------------------
# Report
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
BASE=""
[ -n "${BEST[gunzip]}" ] && BASE=$(mbps "${BYTES[gunzip]}" "${BEST[gunzip]}")

BASE_CPU=""
[ -n "${BEST_CPU[gunzip]}" ] && BASE_CPU=$(mbps "${BYTES[gunzip]}" "${BEST_CPU[gunzip]}")

echo
echo "Input: $(basename "$FILE"), $SIZE bytes compressed; best of $REPEAT (slow pipelines: $SLOW_REPEAT); $(nproc) cores"
echo "CLI: $CLI_MODE"
printf '%-42s %9s %9s %9s %9s %9s  %s\n' "measurement" "seconds" "MB/s" "vs (1)" "cpu s" "cpu vs(1)" "result"
for n in "${NAMES[@]}"; do
  if [ -n "${STATUS[$n]}" ] || [ -z "${BEST[$n]}" ]; then
    printf '%-42s %9s %9s %9s %9s %9s  %s\n' "${LABEL[$n]}" "-" "-" "-" "-" "-" "${STATUS[$n]:-not measured}"
    continue
  fi
  rate=$(mbps "${BYTES[$n]}" "${BEST[$n]}")
  ratio="-"
  [ -n "$BASE" ] && ratio=$(awk -v r="$rate" -v b="$BASE" 'BEGIN { printf "%.3f", r / b }')
  cpu=${BEST_CPU[$n]:--}
  cpu_ratio="-"
  [ -n "$BASE_CPU" ] && [ -n "${BEST_CPU[$n]}" ] &&
    cpu_ratio=$(awk -v r="$(mbps "${BYTES[$n]}" "${BEST_CPU[$n]}")" -v b="$BASE_CPU" 'BEGIN { printf "%.3f", r / b }')
  printf '%-42s %9s %9s %9s %9s %9s  %s\n' "${LABEL[$n]}" "${BEST[$n]}" "$rate" "$ratio" "$cpu" "$cpu_ratio" "${RESULT[$n]}"
done

verdict() { # label ratio
  if awk -v r="$2" 'BEGIN { exit !(r >= 0.95) }'; then
    echo "Target (2) >= 0.95 x (1), $1: MET ($2)"
  else
    echo "Target (2) >= 0.95 x (1), $1: NOT MET ($2)"
  fi
}

echo
if [ -n "$BASE" ] && [ -z "${STATUS[count1]}" ] && [ -n "${BEST[count1]}" ]; then
  verdict "wall clock" "$(awk -v r="$(mbps "$SIZE" "${BEST[count1]}")" -v b="$BASE" 'BEGIN { printf "%.3f", r / b }')"
  if [ -n "$BASE_CPU" ] && [ -n "${BEST_CPU[count1]}" ]; then
    verdict "CPU time (user+sys)" "$(awk -v r="$(mbps "$SIZE" "${BEST_CPU[count1]}")" -v b="$BASE_CPU" 'BEGIN { printf "%.3f", r / b }')"
  fi
else
  echo "Target (2) >= 0.95 x (1): cannot tell: ${STATUS[count1]:-${STATUS[gunzip]:-a measurement is missing}}"
fi
for n in http1 s3_1; do
  what=${LABEL[$n]#*, }
  if [ -z "${STATUS[$n]}" ] && [ -n "${BEST[$n]}" ] && [ -z "${STATUS[count1]}" ] && [ -n "${BEST[count1]}" ]; then
    rel=$(awk -v r="$(mbps "$SIZE" "${BEST[$n]}")" -v b="$(mbps "$SIZE" "${BEST[count1]}")" 'BEGIN { printf "%.3f", r / b }')
    same="same result as (2)"
    [ "${RESULT[$n]}" = "${RESULT[count1]}" ] || same="RESULT DIFFERS from (2): ${RESULT[$n]} vs ${RESULT[count1]}"
    echo "Reading over $what: $(mbps "$SIZE" "${BEST[$n]}") MB/s = ${rel}x reading from local disk (2); $same"
  else
    echo "Reading over $what: cannot tell: ${STATUS[$n]:-${STATUS[count1]:-a measurement is missing}}"
  fi
done
# The streaming mapper against the local runner on one worker: same file, same run.
for n in streamwarc streamloc; do
  if [ -z "${STATUS[$n]}" ] && [ -n "${BEST[$n]}" ] && [ -z "${STATUS[count1]}" ] && [ -n "${BEST[count1]}" ]; then
    echo "${LABEL[$n]}: $(awk -v a="${BEST[count1]}" -v b="${BEST[$n]}" 'BEGIN { printf "%.2f", a / b }')x the throughput of (2) bigdata count --workers 1"
  else
    echo "${LABEL[$n]} vs (2): cannot tell: ${STATUS[$n]:-${STATUS[count1]:-a measurement is missing}}"
  fi
done
if [ -n "$STREAMING" ] && wanted streamstart; then
  startup=$(for i in $(seq 20); do
    t0=$EPOCHREALTIME; eval "$STREAMING reduce" </dev/null >/dev/null 2>&1; t1=$EPOCHREALTIME; elapsed "$t0" "$t1"; echo
  done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", (v[10] + v[11]) / 2 * 1000 }')
  echo "Streaming start-up: median ${startup} ms of 20 runs of 'warc-uri-count reduce < /dev/null' ($STREAMING)"
fi
if [ -z "${STATUS[count1]}" ] && [ -z "${STATUS[count2]}" ] && [ -n "${BEST[count1]}" ] && [ -n "${BEST[count2]}" ]; then
  scaling=$(awk -v a="$(mbps "${BYTES[count2]}" "${BEST[count2]}")" -v b="$(mbps "$SIZE" "${BEST[count1]}")" 'BEGIN { printf "%.2f", a / b }')
  echo "Two files on two workers: ${scaling}x the one-worker throughput (target: close to 2x; $(nproc) cores here)"
else
  echo "Two-core scaling: cannot tell: ${STATUS[count2]:-${STATUS[count1]:-a measurement is missing}}"
fi
