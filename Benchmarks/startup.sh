#!/usr/bin/env bash
# Start-up to the first prompt, measured from outside as a person would feel it: the whole
# run of `attune --names A,B --no-transcript` with nothing to read (load the coach, say the
# opening, reach the prompt, see end of input, exit). An upper bound on time to first prompt.
# SPEC budget: under 30 ms, release build, shipped Intents/.
#
#   Benchmarks/startup.sh            (builds a release binary unless ATTUNE_BIN is set)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${ATTUNE_BIN:-}" ]]; then
    # The Swift runtime linked in (--static-swift-stdlib): resolving its symbols at every
    # start cost about a quarter of a start (perf record over 20 starts).
    (cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-release >&2)
    ATTUNE_BIN="$root/.build-release/release/attune"
fi
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
export XDG_CACHE_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT
echo "first run (builds the start-up cache):" >&2
hyperfine -N --runs 1 "$ATTUNE_BIN --names A,B --no-transcript" 2>&1 | grep -E "Time"
echo "every later run (cache warm):" >&2
hyperfine -N --warmup 3 --runs 50 "$ATTUNE_BIN --names A,B --no-transcript"
