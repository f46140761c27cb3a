#!/bin/sh
# --fix and --diff on real files: fixes land in place and keep the file's mode, files without
# fixes are not touched (same inode and mtime), symbolic links stay links, no temporary file
# is left, the output lists what remains, a second --fix changes nothing, and --diff writes
# nothing but prints a patch that gives the same result.
# Usage: fix_in_place_test.sh /path/to/draftlint
set -u
bin=${1:?usage: $0 /path/to/draftlint}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail() {
  echo "FAIL: $*"
  exit 1
}

mkdir pack work
cat > pack/wordy.yml <<'EOF'
kind: substitution
message: "Write '{replacement}' instead of '{match}'."
severity: suggestion
swap:
  prior to: before
  in order to: to
EOF
cat > pack/platitude.yml <<'EOF'
kind: existence
message: "Cut '{match}'."
severity: warning
tokens: [rest assured]
EOF

cd work || exit 1
printf 'Prior to noon we called.\nRest assured, in order to help,\nprior to six we call again.\n' > fixable.txt
printf 'Line one.\r\nCall prior to noon.\r\n' > crlf.txt
printf 'Rest assured, nothing to fix here.\n' > unfixable.txt
printf 'We call prior to noon.\n' > real.txt
ln -s real.txt link.txt
chmod 640 fixable.txt
cp -p fixable.txt crlf.txt unfixable.txt real.txt ../
stat -c '%i %Y %y' unfixable.txt > ../unfixable.stat

# --diff first: it must write nothing.
"$bin" --no-builtin --rules ../pack --diff fixable.txt crlf.txt unfixable.txt link.txt > ../fixes.diff
status=$?
[ "$status" -eq 1 ] || fail "--diff with fixes should exit 1, got $status"
for f in fixable.txt crlf.txt unfixable.txt real.txt; do
  cmp -s "$f" "../$f" || fail "--diff changed $f"
done
grep -q '^--- a/fixable.txt$' ../fixes.diff || fail "--diff lacks the a/ header"
grep -q '^+++ b/fixable.txt$' ../fixes.diff || fail "--diff lacks the b/ header"
grep -q '^@@ -1,3 +1,3 @@$' ../fixes.diff || fail "--diff hunk header"
grep -q '^+Before noon we called.$' ../fixes.diff || fail "--diff lacks the fixed line"
if grep -q 'unfixable.txt' ../fixes.diff; then fail "--diff shows a file without fixes"; fi

"$bin" --no-builtin --rules ../pack --color never --fix fixable.txt crlf.txt unfixable.txt link.txt > ../first.out
status=$?
[ "$status" -eq 1 ] || fail "--fix with a platitude left should exit 1, got $status"
[ "$(cat fixable.txt)" = "$(printf 'Before noon we called.\nRest assured, to help,\nbefore six we call again.')" ] ||
  fail "fixable.txt not fixed: $(cat fixable.txt)"
printf 'Line one.\r\nCall before noon.\r\n' | cmp -s - crlf.txt || fail "crlf.txt lost its CRLF or was not fixed"
[ "$(stat -c '%a' fixable.txt)" = 640 ] || fail "mode not kept: $(stat -c '%a' fixable.txt)"
[ "$(stat -c '%i %Y %y' unfixable.txt)" = "$(cat ../unfixable.stat)" ] || fail "unfixable.txt was touched"
[ -L link.txt ] || fail "link.txt is no longer a symbolic link"
[ "$(cat real.txt)" = "We call before noon." ] || fail "the link's target was not fixed"
[ "$(ls -A | wc -l)" -eq 5 ] || fail "files left behind: $(ls -A)"
grep -q '^fixed 5 findings in 3 files$' ../first.out || fail "no 'fixed' line: $(cat ../first.out)"
grep -q '^fixable.txt:2:1: warning: Cut' ../first.out || fail "remaining finding not listed: $(cat ../first.out)"
grep -q '^unfixable.txt:1:1: warning: Cut' ../first.out || fail "remaining finding not listed"
if grep -q 'suggestion: ' ../first.out; then fail "fixed findings still listed"; fi
grep -q '^2 findings (0 errors, 2 warnings, 0 suggestions) in 4 files$' ../first.out || fail "summary: $(tail -1 ../first.out)"

# The patch --diff printed gives exactly what --fix wrote.
if command -v patch >/dev/null 2>&1; then
  mkdir ../patched && cp ../fixable.txt ../crlf.txt ../patched/ && cp ../real.txt ../patched/link.txt
  (cd ../patched && patch -s -p1 < ../fixes.diff) || fail "the --diff output does not apply"
  cmp -s ../patched/fixable.txt fixable.txt || fail "patched fixable.txt differs from the --fix result"
  cmp -s ../patched/crlf.txt crlf.txt || fail "patched crlf.txt differs from the --fix result"
fi

# A second --fix finds nothing to fix and leaves every byte (and mtime) as it was.
mkdir ../after && cp -p fixable.txt crlf.txt real.txt ../after/
before=$(stat -c '%Y %y' fixable.txt)
"$bin" --no-builtin --rules ../pack --color never --fix fixable.txt crlf.txt unfixable.txt link.txt > ../second.out
grep -q '^fixed 0 findings in 0 files$' ../second.out || fail "second run fixed something: $(cat ../second.out)"
for f in fixable.txt crlf.txt real.txt; do
  cmp -s "$f" "../after/$f" || fail "second --fix changed $f"
done
[ "$(stat -c '%Y %y' fixable.txt)" = "$before" ] || fail "second --fix rewrote fixable.txt"

# Structured formats keep standard output one document; the count goes to standard error.
cp ../fixable.txt again.txt
"$bin" --no-builtin --rules ../pack --fix --format json again.txt > ../fix.json 2> ../fix.err
head -c 1 ../fix.json | grep -q '\[' || fail "--fix --format json: $(cat ../fix.json)"
grep -q 'fixed 3 findings in 1 file' ../fix.err || fail "--fix --format json: no count on stderr: $(cat ../fix.err)"

echo "fix in place: ok"
