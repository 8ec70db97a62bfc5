#!/usr/bin/env bash
# `attune test` over 100,000 fixture lines: the shipped fixtures repeated until there are
# 100,000 utterances. SPEC budget: under 2 s (release build).
#
#   Benchmarks/fixtures-100k.sh      (builds a release binary unless ATTUNE_BIN is set)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${ATTUNE_BIN:-}" ]]; then
    (cd "$root" && swift build -c release --scratch-path .build-release --product attune >&2)
    ATTUNE_BIN="$root/.build-release/release/attune"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$root/Tests/Fixtures/intents" "$work/fixtures.yaml" <<'PY'
import sys, os, yaml
folder, out = sys.argv[1], sys.argv[2]
items = []
for name in sorted(os.listdir(folder)):
    data = yaml.safe_load(open(os.path.join(folder, name))) or {}
    for intent, lines in data.items():
        for line in lines:
            items.append((intent, line))
by_intent = {}
total = 0
while total < 100000:
    for intent, line in items:
        if total == 100000:
            break
        by_intent.setdefault(intent, []).append(line)
        total += 1
with open(out, "w") as f:
    yaml.safe_dump(by_intent, f, allow_unicode=True, width=1000)
print(f"{total} fixture lines", file=sys.stderr)
PY
cd "$root"
hyperfine -N --warmup 1 --runs 5 "$ATTUNE_BIN test $work/fixtures.yaml"
