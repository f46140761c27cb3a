#!/usr/bin/env bash
# Hostile inputs (docs/reliability.md): every bad file is reported by name with exit 2, the
# other files are still linted, nothing is written, and nothing hangs or crashes.
# Big inputs are generated here, never committed. Usage: reliability_inputs_test.sh DRAFTLINT
set -uo pipefail
draftlint=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Runs draftlint with a time bound; sets $status, $out, $err.
run() {
  timeout 20 "$draftlint" --no-config --color never "$@" >out.txt 2>err.txt
  status=$?
  out=$(cat out.txt)
  err=$(cat err.txt)
  if [ "$status" -ge 124 ]; then fail "draftlint $* ended with status $status (timeout or crash): $err"; fi
}
expect_refused() {  # FILE MESSAGE [draftlint args...]: exit 2, "FILE: ...MESSAGE", good.txt still linted
  local file=$1 message=$2
  shift 2
  run "$@" "$file" good.txt
  [ "$status" -eq 2 ] || fail "$file: exit $status, expected 2"
  grep -qF -- "$file: " err.txt && grep -qF -- "$message" err.txt || fail "$file: stderr lacks '$file: ... $message': $err"
  grep -qF "good.txt:1:" out.txt || fail "$file: good.txt was not linted alongside: $out"
}

printf 'We apologize for any inconvenience this may have caused.\n' > good.txt
run good.txt
[ "$status" -eq 1 ] || fail "good.txt: exit $status, expected 1 (findings)"

# Larger than --max-file-size (and than the 16 MiB default).
head -c 2048 /dev/zero | tr '\0' 'a' > big.txt
expect_refused big.txt "the limit is 1 KiB" --max-file-size 1KiB
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > huge.txt
expect_refused huge.txt "the limit is 16 MiB"
run --max-file-size 32MiB huge.txt
[ "$status" -le 1 ] || fail "huge.txt with --max-file-size 32MiB: exit $status: $err"
rm -f huge.txt
head -c 2048 /dev/zero | tr '\0' 'a' | timeout 20 "$draftlint" --no-config --max-file-size 1KiB - >/dev/null 2>err.txt
[ $? -eq 2 ] && grep -qF "the limit is 1 KiB" err.txt || fail "stdin past --max-file-size: $(cat err.txt)"

# A 10 MB line with no newline lints (or is refused cleanly), in bounded time.
{ printf 'We apologize for any inconvenience this may have caused. '; head -c 10000000 /dev/zero | tr '\0' 'x'; } > longline.txt
start=$(date +%s)
run longline.txt
[ "$status" -le 2 ] || fail "longline.txt: exit $status"
[ $(( $(date +%s) - start )) -le 15 ] || fail "longline.txt took more than 15 s"
rm -f longline.txt

# NUL bytes: a note, not linted, not an error on its own.
printf 'Hello\0world\n' > nul.txt
run nul.txt good.txt
grep -qF "nul.txt: binary file" err.txt || fail "nul.txt: no binary note: $err"
grep -qF "good.txt:1:" out.txt || fail "nul.txt: good.txt was not linted alongside"

# Invalid UTF-8, UTF-16 (both byte orders) and UTF-32 by their byte-order marks.
printf 'caf\xe9\n' > latin1.txt
expect_refused latin1.txt "invalid UTF-8 at byte offset 3"
printf '\xff\xfeH\0i\0\n\0' > utf16le.txt
expect_refused utf16le.txt "UTF-16 is not supported; convert to UTF-8"
printf '\xfe\xff\0H\0i\0\n' > utf16be.txt
expect_refused utf16be.txt "UTF-16 is not supported; convert to UTF-8"
printf '\xff\xfe\0\0H\0\0\0' > utf32.txt
expect_refused utf32.txt "UTF-32 is not supported; convert to UTF-8"

# A path that does not exist (e.g. deleted between listing and reading).
expect_refused gone.txt "no such file or directory"

# FIFOs and devices named explicitly: refused without opening (a FIFO would block).
mkfifo fifo.txt
expect_refused fifo.txt "not a regular file"
expect_refused /dev/null "not a regular file"
# ... and never picked up from a directory.
mkdir tree && mkfifo tree/pipe.md && cp good.txt tree/a.txt
run tree
[ "$status" -eq 1 ] && grep -qF "tree/a.txt:1:" out.txt || fail "tree with a FIFO: exit $status: $err"

# A directory symlink loop terminates.
mkdir -p loop/sub && cp good.txt loop/sub/n.txt && ln -s .. loop/sub/up && ln -s loop loop/self 2>/dev/null
ln -s "$work/loop" loop/sub/abs
run loop
[ "$status" -eq 1 ] && [ "$(grep -o '^[^:]*n\.txt' out.txt | sort -u | wc -l)" -eq 1 ] || fail "symlink loop: exit $status, $out $err"

# Each file is linted once however it is reached: through a symlink to it, a second argument,
# or a path through "..". Only its first appearance is kept: the walk lists dup/link.txt
# before dup/sub/a.txt.
mkdir -p dup/sub && cp good.txt dup/sub/a.txt && ln -s sub/a.txt dup/link.txt
run dup dup/sub/a.txt ./dup/../dup/sub/a.txt
listed=$(grep -o '^[^:]*\.txt:1:' out.txt | sort -u | tr '\n' ' ')
[ "$status" -eq 1 ] && [ "$listed" = "dup/link.txt:1: " ] || fail "duplicates: exit $status, listed '$listed': $err"

# Deep nesting must not crash: 20k <div> (gumbo is quadratic in the depth: 100k take about a
# minute, see docs/reliability.md), 100k '>' quotes, 100k nested list items.
python3 - <<'PY'
n = 100000
open("deep.html", "w").write("<html><body>" + "<div>" * 20000 + "We apologize for any inconvenience this may have caused." + "</div>" * 20000 + "</body></html>\n")
open("deep-quote.md", "w").write("> " * n + "We apologize for any inconvenience this may have caused.\n")
open("deep-list.md", "w").write("".join("  " * i + "- item\n" for i in range(2000)) + "- " * n + "x\n")
open("deep-emph.md", "w").write("*_" * n + "x" + "_*" * n + "\n" + "[" * n + "x" + "](y)" * n + "\n")
PY
for f in deep.html deep-quote.md deep-list.md deep-emph.md; do
  run "$f"
  [ "$status" -le 2 ] || fail "$f: exit $status: $err"
done

# Permission denied: root reads everything, so drop to nobody when setpriv can (else skipped).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 &&
   chmod 755 "$work" &&
   setpriv --reuid=65534 --regid=65534 --clear-groups "$draftlint" --version >/dev/null 2>&1; then
  cp good.txt secret.txt && chmod 000 secret.txt && chmod 644 good.txt
  setpriv --reuid=65534 --regid=65534 --clear-groups timeout 20 "$draftlint" --no-config --color never \
    secret.txt good.txt >out.txt 2>err.txt
  status=$?
  [ "$status" -eq 2 ] && grep -qF "secret.txt: cannot open the file: permission denied" err.txt &&
    grep -qF "good.txt:1:" out.txt || fail "permission denied: exit $status: $(cat err.txt)"
else
  echo "note: permission-denied check skipped (needs root, setpriv, and a CLI that nobody may run)"
fi

# --fix writes nothing to refused files.
cp big.txt big.orig && cp latin1.txt latin1.orig
run --fix --max-file-size 1KiB big.txt latin1.txt good.txt
cmp -s big.txt big.orig && cmp -s latin1.txt latin1.orig || fail "--fix changed a refused file"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all hostile-input checks passed"
