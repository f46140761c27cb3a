#!/usr/bin/env bash
# A discovered .draftlint.yml cannot make draftlint read rule packs outside its repository
# (through `..`, an absolute path, a symbolic link to a directory, or a rule file that links
# out): the run exits 2 naming the configuration file, line and column. The same pack named with
# --rules, or the same configuration named with --config, is used (the user chose it).
# `explain` applies the same rules to the configuration it reads.
# Usage: config_escape_test.sh DRAFTLINT
set -uo pipefail
draftlint=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
work=$(realpath "$work")
cd "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

mkdir -p repo/.git repo/house outside/pack
rule='kind: existence
severity: warning
message: "Found {match}."
tokens: [zanzibar]'
printf '%s\n' "$rule" > outside/pack/zanzibar.yml
printf '%s\n' "${rule//zanzibar/xylophone}" > repo/house/xylophone.yml
printf 'Zanzibar and xylophone.\n' > repo/notice.txt
ln -s ../../outside/pack/zanzibar.yml repo/house/linked.yml
ln -s ../outside/pack repo/linked-pack

run() {  # EXPECTED-EXIT ARGS...: runs in repo/, output in out.txt / err.txt
  local expected=$1
  shift
  (cd repo && "$draftlint" --color never --no-builtin "$@" notice.txt) >out.txt 2>err.txt
  local status=$?
  [ "$status" -eq "$expected" ] || fail "$*: exit $status, expected $expected: $(cat err.txt)"
}
refused() {  # CONFIG-LINE MESSAGE-PART
  grep -qF -- "$work/repo/.draftlint.yml:$1" err.txt || fail "no '.draftlint.yml:$1' in: $(cat err.txt)"
  grep -qF -- "$2" err.txt || fail "no '$2' in: $(cat err.txt)"
  grep -q 'notice.txt:' out.txt && fail "the notice was linted with a refused configuration: $(cat out.txt)"
}

# A rule file in an allowed pack that links out.
printf 'rules: [house]\n' > repo/.draftlint.yml
run 2
refused 1:9: "rule file 'linked.yml' in rules path 'house' resolves to '$work/outside/pack/zanzibar.yml', outside the repository root '$work/repo'"
rm repo/house/linked.yml
run 1
grep -q 'Found xylophone' out.txt || fail "the pack inside the repository was not used: $(cat out.txt err.txt)"

for entry in ../outside/pack linked-pack "$work/outside/pack"; do
  printf 'overrides:\n  - files: ["*.txt"]\n    rules: ["%s"]\n' "$entry" > repo/.draftlint.yml
  run 2
  refused 3:13: "rules path '$entry' resolves outside the repository root '$work/repo' (to '$work/outside/pack'); name it on the command line with --rules"
done

# `explain` (like `rules` and `test-rules`) reads the discovered configuration with the same
# confinement, and trusts the same configuration named with --config.
printf 'rules: [../outside/pack]\n' > repo/.draftlint.yml
(cd repo && "$draftlint" --no-builtin explain zanzibar) >out.txt 2>err.txt
status=$?
[ "$status" -eq 2 ] || fail "explain with an escaping configuration: exit $status, expected 2"
grep -qF -- "$work/repo/.draftlint.yml:1:9: rules path '../outside/pack' resolves outside the repository root" err.txt ||
  fail "explain: escape not refused: $(cat err.txt)"
[ -s out.txt ] && fail "explain printed a rule from outside the repository: $(cat out.txt)"
(cd repo && "$draftlint" --no-builtin --config .draftlint.yml explain zanzibar) >out.txt 2>err.txt ||
  fail "explain --config: $(cat err.txt)"
grep -q '^zanzibar (existence' out.txt || fail "explain --config: the pack it names was not used: $(cat out.txt)"

# Named on the command line: trusted.
run 1 --config .draftlint.yml
grep -q 'Found Zanzibar' out.txt || fail "--config: the pack it names was not used: $(cat out.txt err.txt)"
printf 'rules: [house]\n' > repo/.draftlint.yml
run 1 --rules ../outside/pack
grep -q 'Found Zanzibar' out.txt && grep -q 'Found xylophone' out.txt ||
  fail "--rules outside the repository was not used: $(cat out.txt err.txt)"

# The configuration file itself linking out of the repository is not read.
printf 'rules: [pack]\nsecret_key: 1\n' > outside/.draftlint.yml
rm repo/.draftlint.yml
ln -s ../outside/.draftlint.yml repo/.draftlint.yml
run 2
grep -qF "this configuration file is a link to '$work/outside/.draftlint.yml', outside the repository root" err.txt ||
  fail "config link not refused: $(cat err.txt)"
grep -q secret_key err.txt && fail "the configuration outside the repository was read: $(cat err.txt)"

[ "$failures" -eq 0 ] || exit 1
echo "config escape: ok"
