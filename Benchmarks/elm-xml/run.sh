#!/usr/bin/env bash
# Measures elm-xml reading and writing on a generated wrapper document of N credentials (default
# 100 000), side by side with `xmllint --stream --noout` parsing the same file.
#
#   Benchmarks/elm-xml/run.sh [N]
#
# Environment: MICROCRED (the CLI, default .build-elm/release/microcred, built here when missing),
# JOBS (parallel workers, default: the number of cores), WORK (scratch folder, default
# /tmp/microcred-elm-bench). Needs python3, /usr/bin/time and xmllint (apt-get install
# libxml2-utils). The data are deterministic: the same N gives the same files.
set -euo pipefail

N="${1:-100000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MICROCRED="${MICROCRED:-$ROOT/.build-elm/release/microcred}"
JOBS="${JOBS:-$(nproc)}"
WORK="${WORK:-/tmp/microcred-elm-bench}"
mkdir -p "$WORK"

if [ ! -x "$MICROCRED" ]; then
    (cd "$ROOT" && swift build -c release --scratch-path .build-elm --product microcred)
fi
command -v xmllint >/dev/null || { echo "xmllint is missing: apt-get install libxml2-utils" >&2; exit 1; }

MODEL="$WORK/batch-$N.jsonl"
XML="$WORK/batch-$N.xml"
if [ ! -s "$MODEL" ]; then
    python3 "$ROOT/Benchmarks/generate.py" --records "$N" --seed 42 | python3 "$ROOT/Benchmarks/elm-xml/add-registration.py" > "$MODEL"
fi

# Runs a command under /usr/bin/time -v; prints "wall-seconds cpu-seconds peak-RSS-MiB" (exit
# code 2, some records rejected, is accepted: the report below counts them).
measure() {
    local log="$WORK/time.log"
    set +e
    /usr/bin/time -v "$@" > /dev/null 2> "$log"
    local status=$?
    set -e
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
        cat "$log" >&2
        exit "$status"
    fi
    python3 - "$log" <<'PY'
import sys
fields = {}
for line in open(sys.argv[1]):
    if ":" in line:
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
parts = [float(p) for p in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")]
wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
print(f"{wall:.2f} {cpu:.2f} {int(fields['Maximum resident set size (kbytes)']) / 1024:.0f}")
PY
}

report_counts() {
    python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['recordsWritten'], r['recordsRejected'])" "$1"
}

read -r write_s write_cpu write_mb < <(measure "$MICROCRED" convert "$MODEL" --from model --to elm-xml -o "$XML" \
    --profile none --jobs "$JOBS" --report "$WORK/write-report.json" --quiet)
read -r written rejected < <(report_counts "$WORK/write-report.json")
read -r read_s read_cpu read_mb < <(measure "$MICROCRED" convert "$XML" --from elm-xml --to model -o "$WORK/read.jsonl" \
    --profile none --jobs "$JOBS" --report "$WORK/read-report.json" --quiet)
read -r read_written read_rejected < <(report_counts "$WORK/read-report.json")
read -r model_s model_cpu model_mb < <(measure "$MICROCRED" convert "$MODEL" --from model --to model -o "$WORK/copy.jsonl" \
    --profile none --jobs "$JOBS" --quiet)
read -r lint_s lint_cpu lint_mb < <(measure xmllint --stream --noout "$XML")

size_mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 2**20:.0f}')" "$XML")
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$1" "$2"; }

echo "elm-xml benchmark: $N credentials, wrapper document $size_mb MiB, $JOBS jobs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| step | wall s | credentials/s | CPU s | peak RSS (MiB) | written / rejected |"
echo "|---|---:|---:|---:|---:|---|"
echo "| write: model -> elm-xml | $write_s | $(rate "$N" "$write_s") | $write_cpu | $write_mb | $written / $rejected |"
echo "| read: elm-xml -> model | $read_s | $(rate "$N" "$read_s") | $read_cpu | $read_mb | $read_written / $read_rejected |"
echo "| reference: model -> model | $model_s | $(rate "$N" "$model_s") | $model_cpu | $model_mb | — |"
echo "| baseline: xmllint --stream --noout | $lint_s | $(rate "$N" "$lint_s") | $lint_cpu | $lint_mb | — |"
