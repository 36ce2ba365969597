#!/usr/bin/env bash
# Measures ob2 -> ob3 conversion with the release binary: records per second and peak resident
# memory (GNU time), side by side with ob2 -> model (the same reading, the simplest writer) as the
# baseline. Usage: Benchmarks/ob2-to-ob3/run.sh [N] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
JOBS="${2:-$(nproc)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# MICROCRED_BIN names an already built binary instead.
BIN="${MICROCRED_BIN:-.build-ob/release/microcred}"
if [ -z "${MICROCRED_BIN:-}" ]; then
    swift build -c release --scratch-path .build-ob --product microcred >/dev/null
fi
python3 Benchmarks/ob2-to-ob3/generate.py "$N" "$WORK/assertions.jsonl"
echo "input: $N assertions (+21 supporting objects), $(du -h "$WORK/assertions.jsonl" | cut -f1), jobs=$JOBS"

measure() {
    local label="$1" target="$2"
    /usr/bin/time -v "$BIN" convert "$WORK/assertions.jsonl" --from ob2 --to "$target" -o "$WORK/out.$target" \
        --profile none --jobs "$JOBS" --salt-secret benchmark --quiet 2>"$WORK/time.txt" || true
    local seconds rss
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    local written
    written=$(wc -l <"$WORK/out.$target")
    printf '%-14s %8d records  %7.2f s  %9.0f records/s  peak RSS %6.1f MiB\n' \
        "$label" "$written" "$seconds" "$(echo "$written / $seconds" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

measure "ob2 -> model" model
measure "ob2 -> ob3" ob3
