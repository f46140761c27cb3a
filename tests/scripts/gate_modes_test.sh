#!/usr/bin/env bash
# The two gates lint alike: the literal prefilter a Linter starts with and the RE2::Set it
# compiles after 512 KiB give byte-identical JSON, forced (DRAFTLINT_GATE=literals|set) and
# left to switch on its own part-way through a run, on a generated corpus (short notices, a
# 1 MiB file, Markdown, placeholders) and on the repository's sample notices.
# Usage: gate_modes_test.sh DRAFTLINT
set -uo pipefail
draftlint=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v python3 > /dev/null || exit 77
python3 "$root/bench/gen_corpus.py" --out "$work/corpus" --notices 600 --large-mb 1 --seed 11 > /dev/null || exit 1
failures=0
for input in "$work/corpus" "$root/eval/notices" "$root/examples"; do
  for gate in set literals default; do
    if [ "$gate" = default ]; then
      env -u DRAFTLINT_GATE "$draftlint" --no-config --format json --jobs 2 --max-file-size 0 "$input" > "$work/$gate.json"
    else
      DRAFTLINT_GATE=$gate "$draftlint" --no-config --format json --jobs 2 --max-file-size 0 "$input" > "$work/$gate.json"
    fi
    status=$?
    if [ "$status" -gt 1 ]; then
      echo "FAIL: $gate gate on $input exited $status" >&2
      failures=$((failures + 1))
    fi
  done
  findings=$(grep -o '"rule"' "$work/set.json" | wc -l)
  if [ "$findings" -lt 10 ]; then
    echo "FAIL: only $findings findings on $input: the comparison proves nothing" >&2
    failures=$((failures + 1))
  fi
  for gate in literals default; do
    if ! cmp -s "$work/set.json" "$work/$gate.json"; then
      echo "FAIL: the $gate gate differs from the set on $input:" >&2
      diff "$work/set.json" "$work/$gate.json" | head -20 >&2
      failures=$((failures + 1))
    fi
  done
done
[ "$failures" -eq 0 ] && echo "gate modes: identical output on every input"
exit $((failures > 0))
