#!/usr/bin/env bash
# Hostile rule packs and configuration files (docs/reliability.md): each is refused with a clear
# message naming the file (exit 2), without running out of memory or stack; a catastrophic
# pattern over a 1 MB adversarial input finishes quickly (RE2 is linear).
# Usage: reliability_rules_test.sh DRAFTLINT
set -uo pipefail
draftlint=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
printf 'We apologize for any inconvenience this may have caused.\n' > good.txt

# A pack with one hostile rule file plus a sound one (a pack with problems stops the run, exit 2).
check_pack() {  # NAME MESSAGE: pack/NAME.yml is hostile
  local name=$1 message=$2
  timeout 30 "$draftlint" --no-config --color never --rules pack good.txt >out.txt 2>err.txt
  local status=$?
  [ "$status" -eq 2 ] || fail "$name: exit $status, expected 2: $(head -c 500 err.txt)"
  grep -qF "pack/$name.yml" err.txt && grep -qF -- "$message" err.txt ||
    fail "$name: stderr lacks 'pack/$name.yml ... $message': $(head -c 500 err.txt)"
  rm -f "pack/$name.yml"
}
mkdir pack
cat > pack/sound.yml <<'YML'
kind: existence
severity: warning
message: "Drop '{match}'."
tokens:
  - inconvenience
YML
python3 - <<'PY'
head = 'kind: existence\nseverity: warning\nmessage: "x"\n'
# Alias bomb ("billion laughs").
lines = [head, 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
for i in range(1, 10):
    lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]\n")
lines.append("tokens: *a9\n")
open("pack/bomb.yml", "w").write("".join(lines))
# 100k nested flow sequences, 100k nested flow mappings, 300k compact block sequences.
open("pack/deep-flow.yml", "w").write(head + "tokens: " + "[" * 100000 + "]" * 100000 + "\n")
open("pack/deep-map.yml", "w").write(head + "tokens: " + "{a: " * 100000 + "b" + "}" * 100000 + "\n")
open("pack/deep-block.yml", "w").write(head + "tokens:\n" + "- " * 300000 + "x\n")
# A 20 KiB pattern, and a file past the 1 MiB limit.
open("pack/long-pattern.yml", "w").write(head + "patterns:\n  - '" + "a" * 20000 + "'\n")
open("pack/too-big.yml", "w").write(head + "tokens:\n" + "  - word\n" * 150000)
PY
for f in bomb deep-flow deep-map deep-block long-pattern too-big; do mv "pack/$f.yml" "$f.yml"; done
mv bomb.yml pack/ && check_pack bomb "too many YAML aliases"
mv deep-flow.yml pack/ && check_pack deep-flow "YAML nested too deeply"
mv deep-map.yml pack/ && check_pack deep-map "YAML nested too deeply"
mv deep-block.yml pack/ && check_pack deep-block "YAML nested too deeply"
mv long-pattern.yml pack/ && check_pack long-pattern "the limit is 16384 (16 KiB)"
mv too-big.yml pack/ && check_pack too-big "the limit is 1048576 (1 MiB)"

# Configuration files: the same guards, the file named.
python3 - <<'PY'
open("bomb.yml", "w").write("a: &a [x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join(["*a" if i == 1 else f"*a{i-1}"] * 8) + "]\n" for i in range(1, 12)))
open("deep.yml", "w").write("rules: " + "[" * 100000 + "\n")
PY
for cfg in bomb.yml deep.yml; do
  timeout 30 "$draftlint" --color never --config "$cfg" good.txt >out.txt 2>err.txt
  status=$?
  [ "$status" -eq 2 ] && grep -qF "$cfg:" err.txt && grep -qE "too many YAML aliases|nested too deeply" err.txt ||
    fail "config $cfg: exit $status: $(head -c 500 err.txt)"
done

# Catastrophic patterns (exponential for a backtracking engine) over a 1 MB adversarial input.
mkdir slow
cat > slow/nested.yml <<'YML'
kind: existence
severity: warning
message: "Matched."
ignorecase: false
patterns:
  - '(a+)+$'
  - '(a|aa)+b'
  - '(?:a*)*c'
  - '(\w+\s?)+!'
  - '(a|a?)+z'
YML
python3 - <<'PY'
words = ["outage%d" % i for i in range(1200)]
open("slow/alternation.yml", "w").write(
    'kind: existence\nseverity: warning\nmessage: "Matched."\npatterns:\n  - \'\\b(?:' + "|".join(words) + ")\\b'\n")
open("adversarial.txt", "w").write(("a" * 999 + "\n") * 1000 + "a" * 1000 + "X")
PY
start=$(date +%s%N)
timeout 60 "$draftlint" --no-config --no-builtin --rules slow --color never adversarial.txt >out.txt 2>err.txt
status=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$status" -le 1 ] || fail "catastrophic patterns: exit $status: $(head -c 500 err.txt)"
[ "$elapsed_ms" -le 10000 ] || fail "catastrophic patterns took ${elapsed_ms} ms (bound: 10 s)"
echo "catastrophic patterns over 1 MB: ${elapsed_ms} ms"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all hostile rule/config checks passed"
