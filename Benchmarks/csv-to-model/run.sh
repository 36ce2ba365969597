#!/usr/bin/env bash
# csv -> model benchmark: generates registrar exports of 100k and 1M rows (deterministic), converts
# each with a release build of `microcred convert … --to model`, and reports records per second
# and peak memory (maximum resident set size, from /usr/bin/time -v).
#
# Environment:
#   MICROCRED     a microcred binary to use instead of building one (swift build -c release)
#   BENCH_SIZES   row counts to run (default "100000 1000000")
#   BENCH_JOBS    --jobs for the conversion (default 1: one core)
#   BENCH_WORK    folder for the generated inputs and outputs (default $TMPDIR/microcred-bench)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${BENCH_SIZES:-"100000 1000000"}
jobs=${BENCH_JOBS:-1}
work=${BENCH_WORK:-${TMPDIR:-/tmp}/microcred-bench}
mkdir -p "$work"

if [ -z "${MICROCRED:-}" ]; then
    (cd "$root" && swift build -c release --product microcred >&2)
    MICROCRED="$(cd "$root" && swift build -c release --show-bin-path)/microcred"
fi

printf '%-9s %-6s %10s %12s %10s %12s %s\n' rows jobs "wall s" "records/s" "user s" "peak RSS MB" exit
for rows in $sizes; do
    input="$work/registrar-$rows.csv"
    [ -f "$input" ] || python3 "$here/generate.py" "$rows" "$input"
    status=0
    /usr/bin/time -v "$MICROCRED" convert "$input" --from csv --mapping "$here/registrar.yaml" --to model \
        -o "$work/out-$rows.jsonl" --jobs "$jobs" --quiet 2> "$work/time-$rows.txt" >/dev/null || status=$?
    python3 - "$work/time-$rows.txt" "$rows" "$jobs" "$status" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def field(label):
    match = re.search(re.escape(label) + r".*: (\S+)$", text, re.M)
    return match.group(1) if match else "?"
wall = field("Elapsed (wall clock) time")
parts = [float(p) for p in wall.split(":")] if wall != "?" else [0]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rows = int(sys.argv[2])
rate = rows / seconds if seconds else 0
rss = int(field("Maximum resident set size")) / 1024 if field("Maximum resident set size") != "?" else 0
print(f"{rows:<9} {sys.argv[3]:<6} {seconds:10.2f} {rate:12.0f} {field('User time (seconds)'):>10} {rss:12.1f} {sys.argv[4]}")
PY
done
