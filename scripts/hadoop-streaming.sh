#!/usr/bin/env bash
# Prints (with --run: executes) the Hadoop Streaming command that runs warc-uri-count, for either input style.
#
#   scripts/hadoop-streaming.sh [options] [--] [JOB-OPTIONS...]
#     --style warc|locations  the input style (without --style, the commands of both styles are printed):
#                               warc:      -input is WARC files (plain or .gz, decompressed by Hadoop by file NAME);
#                                          one map task per file; the mapper reads the archive's lines from stdin
#                               locations: -input is a text file listing one location per line (local path, file://,
#                                          hdfs-mounted path, http(s)://, s3://); NLineInputFormat gives each map task
#                                          --lines-per-map of them; the mapper opens, decompresses and reads each one
#     --input PATH            -input (repeatable). Default: data/sample (warc), or a list of data/sample's files
#                             written to out/hadoop/sample.locations.txt (locations)
#     --output PATH           -output (must not exist). Default: out/hadoop/warc-uri-count-<style>
#     --exe PATH              the executable shipped with -files. Default: artifacts/streaming/warc-uri-count
#                             (scripts/publish-streaming.sh makes it)
#     --reducers N            -numReduceTasks (default 1); 0 makes a map-only job (no combiner; keys may repeat)
#     --lines-per-map N       locations style: locations per map task (default 1)
#     --local                 Hadoop's local mode on this machine (-D mapreduce.framework.name=local
#                             -D fs.defaultFS=file:///), run from out/hadoop/work, for a try without a cluster
#     -D KEY=VALUE            extra job configuration (repeatable), e.g. -D mapreduce.job.queuename=batch
#     --run                   execute the command (needs --style) instead of only printing it
#   JOB-OPTIONS go to map, combine and reduce alike, as for `bigdata count`: --key host, --types response,
#   --memory 512MB, --strict, --max-failed-files N, --input-base-url https://data.commoncrawl.org/, --s3-anonymous ...
#
# Hadoop is found as $HADOOP_HOME/bin/hadoop or `hadoop` on PATH (hadoop jar $HADOOP_STREAMING_JAR ...), else as
# `java -cp $HADOOP_STREAMING_JAR:$HADOOP_CLASSPATH org.apache.hadoop.streaming.HadoopStreaming ...`. The streaming jar
# is $HADOOP_STREAMING_JAR, else $HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming-*.jar.
#
# Example: scripts/publish-streaming.sh && scripts/hadoop-streaming.sh --run --local --style warc -- --key host
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

style=''
inputs=()
output=''
exe=$ROOT/artifacts/streaming/warc-uri-count
reducers=1
lines_per_map=1
local_mode=false
run=false
confs=()

die() { echo "hadoop-streaming.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --style) style="$2"; shift ;;
    --input) inputs+=("$2"); shift ;;
    --output) output="$2"; shift ;;
    --exe) exe="$2"; shift ;;
    --reducers) reducers="$2"; shift ;;
    --lines-per-map) lines_per_map="$2"; shift ;;
    --local) local_mode=true ;;
    -D) confs+=("$2"); shift ;;
    -D*) confs+=("${1#-D}") ;;
    --run) run=true ;;
    --) shift; break ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) break ;;
  esac
  shift
done
job_options=("$@")

case "$style" in
  warc|locations|'') ;;
  *) die "--style must be warc or locations (got '$style')" ;;
esac
[[ "$reducers" =~ ^[0-9]+$ ]] || die "--reducers must be a number (got '$reducers')"
[[ "$lines_per_map" =~ ^[1-9][0-9]*$ ]] || die "--lines-per-map must be a positive number (got '$lines_per_map')"
for option in ${job_options[@]+"${job_options[@]}"}; do
  # Streaming splits the -mapper string on spaces: keep every option one word.
  [[ "$option" =~ ^[^[:space:]\'\"]+$ ]] || die "job option '$option' has spaces or quotes; write --types a,b rather than --types 'a, b'"
  case "$option" in
    --input-style|--input-style=*) die "--input-style is set by --style" ;;
  esac
done
if $run && [ -z "$style" ]; then
  die "--run needs --style warc or --style locations"
fi

# ---------------------------------------------------------------------------------------------------------------
# How to start Hadoop
jar=${HADOOP_STREAMING_JAR:-}
if [ -z "$jar" ] && [ -n "${HADOOP_HOME:-}" ]; then
  jar=$(ls "$HADOOP_HOME"/share/hadoop/tools/lib/hadoop-streaming-*.jar 2>/dev/null | head -n 1 || true)
fi
launcher=()
if [ -n "${HADOOP_HOME:-}" ] && [ -x "$HADOOP_HOME/bin/hadoop" ]; then
  launcher=("$HADOOP_HOME/bin/hadoop" jar "${jar:-\$HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming-*.jar}")
elif command -v hadoop >/dev/null 2>&1; then
  launcher=(hadoop jar "${jar:-\$HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming-*.jar}")
elif [ -n "$jar" ] && [ -n "${HADOOP_CLASSPATH:-}" ]; then
  launcher=(java -cp "$jar:$HADOOP_CLASSPATH" org.apache.hadoop.streaming.HadoopStreaming)
else
  launcher=(hadoop jar "\$HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming-*.jar")
  if $run; then
    die "no Hadoop found: set HADOOP_HOME, put hadoop on PATH, or set HADOOP_STREAMING_JAR and HADOOP_CLASSPATH"
  fi
fi

absolute() { case "$1" in /*|*://*) printf '%s' "$1" ;; *) printf '%s/%s' "$ROOT" "$1" ;; esac; }

# ---------------------------------------------------------------------------------------------------------------
# The command of one style
build_command() { # style -> fills CMD
  local s=$1 options=${job_options[*]+"${job_options[*]}"} out ins=()
  out=$(absolute "${output:-out/hadoop/warc-uri-count-$s}")
  if [ ${#inputs[@]} -gt 0 ]; then
    for i in "${inputs[@]}"; do ins+=("$(absolute "$i")"); done
  elif [ "$s" = warc ]; then
    ins=("$ROOT/data/sample")
  else
    ins=("$ROOT/out/hadoop/sample.locations.txt")
  fi

  CMD=("${launcher[@]}")
  CMD+=(-D "mapreduce.job.name=warc-uri-count ($s input)")
  if $local_mode; then
    CMD+=(-D mapreduce.framework.name=local -D fs.defaultFS=file:///)
  fi
  # A failed task exits non-zero; Hadoop retries it and discards the failed attempt's output.
  CMD+=(-D stream.non.zero.exit.is.failure=true)
  if [ "$s" = warc ]; then
    # One map task per file: a plain WARC split at an arbitrary line would cut records in two (gzip never splits).
    CMD+=(-D mapreduce.input.fileinputformat.split.minsize=9223372036854775807)
    # Lines only, never "offset<TAB>line" (TextInputFormat's default in streaming, stated so it cannot change).
    CMD+=(-D stream.map.input.ignoreKey=true)
  else
    CMD+=(-D "mapreduce.input.lineinputformat.linespermap=$lines_per_map")
    # A speculative duplicate of a map task would download its files a second time.
    CMD+=(-D mapreduce.map.speculative=false)
  fi
  for c in ${confs[@]+"${confs[@]}"}; do CMD+=(-D "$c"); done
  CMD+=(-files "$(absolute "$exe")")
  for i in "${ins[@]}"; do CMD+=(-input "$i"); done
  CMD+=(-output "$out")
  if [ "$s" = warc ]; then
    CMD+=(-inputformat org.apache.hadoop.mapred.TextInputFormat)
  else
    CMD+=(-inputformat org.apache.hadoop.mapred.lib.NLineInputFormat)
  fi
  CMD+=(-outputformat org.apache.hadoop.mapred.TextOutputFormat)
  CMD+=(-mapper "warc-uri-count map --input-style $s${options:+ $options}")
  if [ "$reducers" -gt 0 ]; then
    CMD+=(-combiner "warc-uri-count combine${options:+ $options}")
    CMD+=(-reducer "warc-uri-count reduce${options:+ $options}")
  fi
  CMD+=(-numReduceTasks "$reducers")
}

quote() { # one word as a shell would need it (the jar placeholder stays unquoted, for the shell to expand)
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,+@%-]+$ ]] || [[ "$1" == '$HADOOP_HOME/'* ]]; then printf '%s' "$1"
  else printf "'%s'" "${1//\'/\'\\\'\'}"; fi
}
print_command() {
  local first=true word
  for word in "${CMD[@]}"; do
    if $first; then printf '%s' "$(quote "$word")"; first=false
    elif [[ "$word" == -* ]]; then printf ' \\\n  %s' "$(quote "$word")"
    else printf ' %s' "$(quote "$word")"; fi
  done
  printf '\n'
}

make_sample_list() { # the default input of the locations style
  mkdir -p "$ROOT/out/hadoop"
  for f in "$ROOT"/data/sample/*; do printf 'file://%s\n' "$f"; done >"$ROOT/out/hadoop/sample.locations.txt"
}

if [ -z "$style" ]; then
  for s in warc locations; do
    build_command "$s"
    echo "# $s input style"
    print_command
    echo
  done
  exit 0
fi

build_command "$style"
if [ "$style" = locations ] && [ ${#inputs[@]} -eq 0 ]; then
  make_sample_list
fi
print_command
if $run; then
  [ -x "$exe" ] || die "$exe not found: run scripts/publish-streaming.sh first (or give --exe)"
  work=$ROOT/out/hadoop/work
  mkdir -p "$work"
  # Local mode links -files into the current directory: keep that out of the repository root.
  cd "$work"
  "${CMD[@]}"
fi
