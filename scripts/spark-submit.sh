#!/usr/bin/env bash
# Builds the .NET for Apache Spark driver of warc-uri-count and prints (with --run: executes) its spark-submit command.
#
#   scripts/spark-submit.sh [options] [--] JOB-ARGS...
#     --run                   execute the command instead of only printing it
#     --master URL            Spark master (default local[*]); yarn, spark://host:7077, ...
#     --deploy-mode MODE      client (default) or cluster
#     --spark-version X.Y[.Z] the cluster's Spark version (default: from $SPARK_HOME/bin/spark-submit --version, else 3.5)
#     --jar PATH              the microsoft-spark-<spark>_<scala>-<ver>.jar to use (default: $MICROSOFT_SPARK_JAR, else
#                             the one matching the Spark version in the publish folder)
#     --spark-lib DIR         build against a local folder of Microsoft.Spark DLLs (default: $MICROSOFT_SPARK_DIR; if
#                             neither is set, Microsoft.Spark 2.3.1 is restored from NuGet)
#     --publish-dir DIR       where the driver is published (default out/spark/publish)
#     --no-build              use the publish folder as it is
#     --self-contained RID    publish for RID (e.g. linux-x64) with the .NET runtime inside, for nodes without .NET
#     --zip                   pack the publish folder as <publish-dir>.zip and submit that (DotnetRunner unzips it on
#                             the driver: YARN cluster mode, Databricks); upload the zip and pass its URI with --app URI
#     --app URI               the zip to submit instead of the local one (hdfs://, s3://, dbfs:/ ...); implies --zip
#     --conf KEY=VALUE        extra spark-submit --conf (repeatable)
#   JOB-ARGS are the driver's arguments, as for `bigdata count`, e.g. --key host --output out/hosts data/sample
#
# Example: scripts/spark-submit.sh --run --master 'local[*]' -- --format tsv --output out/spark-origin data/sample
set -euo pipefail
cd "$(dirname "$0")/.."

run=false
master='local[*]'
deploy_mode=client
spark_version=''
jar="${MICROSOFT_SPARK_JAR:-}"
spark_lib="${MICROSOFT_SPARK_DIR:-}"
publish_dir=out/spark/publish
build=true
microsoft_spark_version=2.3.1
confs=()
rid=''
zip=false
app=''

while [ $# -gt 0 ]; do
  case "$1" in
    --run) run=true ;;
    --master) master="$2"; shift ;;
    --deploy-mode) deploy_mode="$2"; shift ;;
    --spark-version) spark_version="$2"; shift ;;
    --jar) jar="$2"; shift ;;
    --spark-lib) spark_lib="$2"; shift ;;
    --publish-dir) publish_dir="$2"; shift ;;
    --no-build) build=false ;;
    --self-contained) rid="$2"; shift ;;
    --zip) zip=true ;;
    --app) app="$2"; zip=true; shift ;;
    --conf) confs+=(--conf "$2"); shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) break ;;
  esac
  shift
done

if $build; then
  props=()
  if [ -n "$spark_lib" ]; then
    props+=("-p:MicrosoftSparkDir=$(cd "$spark_lib" && pwd)")
  fi
  if [ -n "$rid" ]; then
    props+=(-r "$rid" --self-contained true)
  fi
  echo "Publishing the driver to $publish_dir ..." >&2
  dotnet publish jobs/WarcUriCount.Spark/WarcUriCount.Spark.csproj -c Release -o "$publish_dir" -nologo -v q ${props[@]+"${props[@]}"} >&2
fi
if [ ! -f "$publish_dir/WarcUriCount.Spark.dll" ]; then
  echo "spark-submit.sh: $publish_dir/WarcUriCount.Spark.dll not found (run without --no-build)" >&2
  exit 2
fi

submit=spark-submit
if [ -n "${SPARK_HOME:-}" ]; then
  submit="$SPARK_HOME/bin/spark-submit"
  if [ -z "$spark_version" ]; then
    spark_version=$("$submit" --version 2>&1 | grep -oE 'version [0-9]+\.[0-9]+\.[0-9]+' | head -n1 | cut -d' ' -f2 || true)
  fi
fi
spark_version="${spark_version:-3.5}"
major_minor=$(echo "$spark_version" | cut -d. -f1,2)
case "$major_minor" in
  3.3|3.4|3.5) ;;
  *) echo "spark-submit.sh: warning: Microsoft.Spark $microsoft_spark_version supports Spark 3.3 to 3.5, not $spark_version" >&2 ;;
esac

if [ -z "$jar" ]; then
  # microsoft-spark-3-5_2.12-2.3.1.jar: Microsoft.Spark's package puts one jar per Spark line beside the driver.
  want="microsoft-spark-${major_minor/./-}_2.12-${microsoft_spark_version}.jar"
  if [ -f "$publish_dir/$want" ]; then
    jar="$publish_dir/$want"
  else
    jar=$(ls "$publish_dir"/microsoft-spark-"${major_minor/./-}"_*.jar 2>/dev/null | sort | tail -n1 || true)
    if [ -z "$jar" ]; then
      echo "spark-submit.sh: warning: no $want in $publish_dir; pass --jar or set MICROSOFT_SPARK_JAR" >&2
      jar="$publish_dir/$want"
    fi
  fi
fi

# How DotnetRunner starts the driver: `dotnet X.dll`, the self-contained executable, or a zip it unzips first.
if $zip; then
  if [ -z "$app" ]; then
    app="$(cd "$(dirname "$publish_dir")" && pwd)/$(basename "$publish_dir").zip"
    if $build || [ ! -f "$app" ]; then
      rm -f "$app"
      (cd "$publish_dir" && python3 -m zipfile -c "$app" .)
    fi
  fi
  driver=("$app" WarcUriCount.Spark)
elif [ -n "$rid" ]; then
  driver=("$publish_dir/WarcUriCount.Spark")
else
  driver=(dotnet "$publish_dir/WarcUriCount.Spark.dll")
fi

cmd=("$submit"
  --class org.apache.spark.deploy.dotnet.DotnetRunner
  --master "$master"
  --deploy-mode "$deploy_mode"
  ${confs[@]+"${confs[@]}"}
  "$jar"
  "${driver[@]}"
  "$@")

printf '%q ' "${cmd[@]}"
printf '\n'
if $run; then
  exec "${cmd[@]}"
fi
