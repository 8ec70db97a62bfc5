#!/usr/bin/env bash
# Runs each libFuzzer harness in turn for SECONDS (default 20), seeded from the project's own
# files, and fails on the first crash, hang (> 5 s for one input) or memory blow-up (> 2 GB).
#   Fuzz/run.sh SECONDS [HARNESS…]    harnesses: template content transcript dialogue matcher mirror
# A crash leaves its input in Fuzz/artifacts/; the corpus each run grows is kept in Fuzz/.corpus/.
# FUZZ_JOBS_LOG=FILE appends one summary line per harness (runs, exec/s, coverage) to FILE.
# FUZZ_TIMEOUT=N (default 5) is libFuzzer's per-input limit in wall-clock seconds; a long run
# under `nice -n 19` on a busy machine may need more (a timeout is re-run alone to tell).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
seconds=${1:-20}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(template content transcript dialogue matcher mirror)

# The three tricks a Swift libFuzzer build needs here: SwiftPM makes `main` a defsym of
# AttuneFuzz_main (the harness hands off to LLVMFuzzerRunDriver there); LeakSanitizer reports
# false leaks on Swift indirect enums; Swift's backtracer would take the crash signal and
# garble AddressSanitizer's report. lld, because gold fails on the sanitized objects.
# A smaller quarantine than ASan's 256 MB keeps long runs' memory (and recycling stalls) down.
export ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=32${ASAN_OPTIONS:+:$ASAN_OPTIONS}
export SWIFT_BACKTRACE=enable=no
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
    -Xswiftc -parse-as-library -Xswiftc -use-ld=lld 2>&1 | tail -1
binary=.build/release/AttuneFuzz

# One seed file per line of text on standard input.
seed_lines() { awk -v dir="$1" 'length($0) > 0 { f = dir "/" NR; printf "%s", $0 > f; close(f) }'; }

# Seeds for a harness, from the project's files, rebuilt on every run.
seed() {
    local harness=$1 dir=.corpus/seeds/$1
    rm -rf "$dir" && mkdir -p "$dir"
    case $harness in
    template)   # every list item of the content: templates, list values, keywords
        grep -h '^ *- ' "$root"/Intents/*.yaml | sed -e 's/^ *- *//' -e 's/^"\(.*\)"$/\1/' | sort -u | seed_lines "$dir" ;;
    content)    # every content file, and the hostile-content fixtures of the tests
        find "$root/Intents" -name '*.yaml' | while read -r f; do cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done
        find "$root/Tests/Fixtures/content" -name '*.yaml' -exec cp {} "$dir/" \; 2>/dev/null || true ;;
    transcript) # every transcript fixture, whole and line by line
        find "$root/Tests/Fixtures/transcripts" -name '*.jsonl' | while read -r f; do cp "$f" "$dir/$(echo "${f#"$root"/}" | tr / _)"; done
        find "$root/Tests/Fixtures/transcripts" -name '*.jsonl' -exec cat {} + | sort -u | head -500 | seed_lines "$dir" || true ;;
    dialogue)   # every dialogue script
        cp "$root"/Scripts/*.dialogue "$dir/" ;;
    matcher)    # every fixture line, idle (an empty first line) and in a flow state
        grep -h '^ *- ' "$root"/Tests/Fixtures/intents/*.yaml | sed -e 's/^ *- *//' -e 's/^{\{0,1\}text: *//' -e 's/^"\(.*\)"$/\1/' \
            | sort -u | awk '{ print (NR % 3 == 0 ? "mirroring.send" : "") "\\n" $0 }' | while IFS= read -r line; do printf '%s\n' "$line"; done \
            | seed_lines "$dir"
        for f in "$dir"/*; do printf '%b' "$(cat "$f")" > "$f"; done ;;
    mirror)     # each partner line of the scripts with the line after it: original, then mirror
        grep -h '^[A-Z][a-z]*: ' "$root"/Scripts/*.dialogue | sed 's/^[A-Za-z]*: //' \
            | awk 'NR > 1 { print previous "\\n" $0 } { previous = $0 }' | sort -u | seed_lines "$dir"
        for f in "$dir"/*; do printf '%b' "$(cat "$f")" > "$f"; done ;;
    esac
}

# Content files are long; the parsers' paths are reached by short inputs.
max_len() { case $1 in content|dialogue) echo 8192 ;; transcript) echo 4096 ;; *) echo 512 ;; esac; }

status=0
mkdir -p artifacts
for harness in "${harnesses[@]}"; do
    seed "$harness"
    mkdir -p ".corpus/$harness"
    log=".corpus/$harness.log"
    started=$SECONDS
    echo "fuzz $harness for ${seconds}s ($(ls ".corpus/seeds/$harness" | wc -l) seeds)"
    if "$binary" "$harness" ".corpus/$harness" ".corpus/seeds/$harness" -max_total_time="$seconds" \
        -timeout="${FUZZ_TIMEOUT:-5}" -rss_limit_mb=2048 -max_len="$(max_len "$harness")" -print_final_stats=1 \
        -artifact_prefix="artifacts/$harness-" > "$log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
        grep -E 'ERROR|SUMMARY|Test unit written|Fatal error|Precondition' "$log" | head -20 | cut -c1-400 || true
        # A timeout under load may be the machine stalling, not the input: run it again alone.
        for unit in $(sed -n 's/.*Test unit written to \(artifacts\/[^ ]*timeout[^ ]*\).*/\1/p' "$log"); do
            if "$binary" "$harness" -timeout=5 "$unit" > /dev/null 2>&1; then
                echo "$unit: runs in under 5 s alone, so the machine stalled, not the input"
            else
                echo "$unit: hangs again when run alone"
            fi
        done
    fi
    # (A harness that failed before fuzzing has none of these lines: no figure, not an exit.)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
    # A run stopped by a finding prints no final stats: take its last status line instead.
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    [ -n "$rate" ] || rate=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
    line="$harness: $result, ${runs:-?} runs, ${rate:-?} exec/s, coverage ${coverage:-?} edges, $((SECONDS - started))s"
    echo "$line"
    [ -z "${FUZZ_JOBS_LOG:-}" ] || echo "$(date -u +%FT%TZ) $line" >> "$FUZZ_JOBS_LOG"
done
exit $status
