#!/bin/sh
# --changed-since REF in a scratch git repository: findings on changed lines of modified files
# only, every line of untracked and newly added files, nothing from unchanged files; files in
# subdirectories and directory arguments; --fix limited to changed lines; a bad revision or a
# path outside any repository is an error (exit 2). Skipped (exit 0) without git.
# Usage: changed_since_test.sh /path/to/draftlint
set -u
bin=${1:?usage: $0 /path/to/draftlint}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
command -v git >/dev/null 2>&1 || { echo "SKIP: git not found"; exit 0; }

# Keep the user's git configuration out of it.
GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail() {
  echo "FAIL: $*"
  exit 1
}
g() { git -c user.name=test -c user.email=test@example.com -c init.defaultBranch=main "$@" >/dev/null 2>&1; }

mkdir pack repo outside
cat > pack/platitude.yml <<'EOF'
kind: existence
message: "Cut '{match}'."
severity: warning
tokens: [rest assured]
EOF
cat > pack/wordy.yml <<'EOF'
kind: substitution
message: "Write '{replacement}' instead of '{match}'."
severity: suggestion
swap:
  prior to: before
EOF
lint() { "$bin" --no-builtin --rules "$tmp/pack" --color never "$@"; }

cd repo || exit 1
g init
mkdir sub
printf 'Rest assured, one.\nTwo.\nThree.\nRest assured, four.\n' > modified.txt
printf 'Rest assured, untouched.\n' > unchanged.txt
printf 'Prior to one.\nTwo.\nPrior to three.\n' > fixme.txt
printf 'Rest assured, deep.\nOther.\n' > sub/deep.txt
g add . && g commit -m base || fail "cannot commit"

printf 'Rest assured, one.\nTwo. Rest assured, two.\nThree.\nRest assured, four.\n' > modified.txt
printf 'Prior to one.\nTwo.\nPrior to three, and prior to four.\n' > fixme.txt
printf 'Rest assured, deep.\nOther. Rest assured.\n' > sub/deep.txt
printf 'Rest assured, untracked.\n' > untracked.txt
printf 'Rest assured, staged.\n' > staged.txt
g add staged.txt

out=$(lint --changed-since HEAD modified.txt unchanged.txt untracked.txt staged.txt sub/deep.txt)
status=$?
[ "$status" -eq 1 ] || fail "exit $status, expected 1: $out"
found=$(printf '%s\n' "$out" | grep -E '^[^ ]+:[0-9]+:[0-9]+:' | cut -d: -f1-3 | tr '\n' ' ')
[ "$found" = "modified.txt:2:6 untracked.txt:1:1 staged.txt:1:1 sub/deep.txt:2:8 " ] || fail "findings: $found"

# A directory argument: the same files (and fixme.txt's changed line).
found=$(lint --changed-since HEAD . | grep -E '^[^ ]+:[0-9]+:[0-9]+:' | cut -d: -f1-3 | sort | tr '\n' ' ')
[ "$found" = "./fixme.txt:3:1 ./fixme.txt:3:21 ./modified.txt:2:6 ./staged.txt:1:1 ./sub/deep.txt:2:8 ./untracked.txt:1:1 " ] ||
  fail "directory findings: $found"

# From a subdirectory, with a path that leaves it.
found=$(cd sub && lint --changed-since HEAD ../modified.txt deep.txt | grep -E '^[^ ]+:[0-9]+:[0-9]+:' | cut -d: -f1-3 | tr '\n' ' ')
[ "$found" = "../modified.txt:2:6 deep.txt:2:8 " ] || fail "from sub/: $found"

# Nothing changed on any linted line: clean.
lint --changed-since HEAD unchanged.txt > /dev/null || fail "unchanged file should be clean"

# --fix only touches changed lines.
lint --changed-since HEAD --fix fixme.txt > /dev/null
[ "$(cat fixme.txt)" = "$(printf 'Prior to one.\nTwo.\nBefore three, and before four.')" ] || fail "--fix --changed-since: $(cat fixme.txt)"

# Errors: a revision git does not know, a file outside any repository.
err=$(lint --changed-since no-such-revision modified.txt 2>&1 >/dev/null)
status=$?
[ "$status" -eq 2 ] || fail "bad revision: exit $status"
printf '%s\n' "$err" | grep -q "modified.txt: git diff against 'no-such-revision' failed" || fail "bad revision message: $err"
printf 'Rest assured.\n' > ../outside/x.txt
err=$(lint --changed-since HEAD ../outside/x.txt 2>&1 >/dev/null)
status=$?
[ "$status" -eq 2 ] || fail "outside a repository: exit $status"
printf '%s\n' "$err" | grep -q "not inside a git work tree" || fail "outside message: $err"

echo "changed-since: ok"
