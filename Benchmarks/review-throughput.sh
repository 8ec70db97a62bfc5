#!/usr/bin/env bash
# Measures `attune review` end to end on a large generated corpus: throughput (MB/s) and
# peak resident memory. SPEC budget: 50 MB/s or better, under 64 MB resident on 1 GB.
#
#   Benchmarks/review-throughput.sh [SESSIONS] [FORMAT] [LAYOUT]
#
# SESSIONS defaults to 10000 (about 1 GB at ~100 KB a session); FORMAT to json (also: text,
# markdown); LAYOUT to compact (Attune's own lines; also: spaced, the same sessions as other
# tools write them: spaces after separators, sorted keys, escaped unicode, numbers in exponent
# form, about 25% larger). Environment:
#   ATTUNE_BIN      an attune binary to measure (default: build one with `swift build -c release`)
#   SCRATCH         SwiftPM scratch path for that build (default: .build)
#   CORPUS_DIR      where the corpus goes (default: $TMPDIR/attune-review-corpus-SESSIONS); it is
#                   generated once and reused (delete it to regenerate)
# The corpus is read once before measuring, so the figure is for a warm page cache: it measures
# review, not the disk.
set -euo pipefail

sessions="${1:-10000}"
format="${2:-json}"
layout="${3:-compact}"
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${CORPUS_DIR:-${TMPDIR:-/tmp}/attune-review-corpus-$layout-$sessions}"

if [[ -z "${ATTUNE_BIN:-}" ]]; then
    scratch="${SCRATCH:-.build}"
    echo "building attune (release, scratch path $scratch)…" >&2
    (cd "$root" && swift build -c release --scratch-path "$scratch" --product attune >&2)
    ATTUNE_BIN="$(cd "$root" && swift build -c release --scratch-path "$scratch" --show-bin-path)/attune"
fi

if [[ ! -f "$corpus/.complete" ]]; then
    echo "generating $sessions sessions into $corpus…" >&2
    rm -rf "$corpus"
    "$ATTUNE_BIN" transcripts generate-sample --sessions "$sessions" --layout "$layout" --dir "$corpus" >&2
    touch "$corpus/.complete"
fi

bytes="$(find "$corpus" -name '*.jsonl' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
cat "$corpus"/*.jsonl > /dev/null 2>&1 || find "$corpus" -name '*.jsonl' -exec cat {} + > /dev/null

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
/usr/bin/time -v "$ATTUNE_BIN" review --format "$format" "$corpus" > /dev/null 2> "$log"

elapsed="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$log")"
seconds="$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')"
rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")"
user="$(awk -F': ' '/User time \(seconds\)/ { print $2 }' "$log")"
sys="$(awk -F': ' '/System time \(seconds\)/ { print $2 }' "$log")"

# Wall-clock throughput is what a user sees; CPU-time throughput (user + system) is the same
# work measured without other processes' share of a busy machine.
awk -v l="$layout" -v b="$bytes" -v s="$seconds" -v r="$rss_kb" -v n="$sessions" -v f="$format" -v u="$user" -v y="$sys" 'BEGIN {
    printf "attune review --format %s (" l " lines): %d sessions, %.1f MB in %.2f s (cpu %.2f s user + %.2f s sys)\n", f, n, b / 1e6, s, u, y
    printf "throughput: %.1f MB/s wall clock, %.1f MB/s of CPU time (budget: 50 MB/s or better)\n", (s > 0 ? b / 1e6 / s : 0), (u + y > 0 ? b / 1e6 / (u + y) : 0)
    printf "max resident: %.1f MB (budget: under 64 MB)\n", r / 1024
}'
