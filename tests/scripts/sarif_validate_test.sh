#!/bin/sh
# --format sarif passes Microsoft's SARIF validator (Sarif.Multitool, npm package
# @microsoft/sarif-multitool-linux) with no errors: the built-in pack over notices with
# emoji, CRLF, Markdown, HTML, fixes, an unused suppression, standard input, and a clean file.
# The validator is installed into $HOME/.cache/draftlint-sarif on first use. Skipped (exit 0,
# with a message) only when npm is missing or the install fails for lack of network.
# Usage: sarif_validate_test.sh /path/to/draftlint
set -u
bin=${1:?usage: $0 /path/to/draftlint}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac

cache=${DRAFTLINT_SARIF_CACHE:-${HOME:-/tmp}/.cache/draftlint-sarif}
tool=$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$tool" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "SKIP: npm not found, so the SARIF validator cannot be installed"
    exit 0
  fi
  mkdir -p "$cache"
  if ! npm install --prefix "$cache" --no-audit --no-fund @microsoft/sarif-multitool-linux >"$tmp/npm.log" 2>&1; then
    if grep -Eqi 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|proxy' "$tmp/npm.log"; then
      echo "SKIP: npm could not reach the registry to install the SARIF validator:"
      tail -n 5 "$tmp/npm.log"
      exit 0
    fi
    echo "FAIL: npm install @microsoft/sarif-multitool-linux failed:"
    cat "$tmp/npm.log"
    exit 1
  fi
fi
# npm may skip the package's postinstall script that makes it executable.
chmod u+x "$tool" 2>/dev/null

cd "$tmp" || exit 1
printf 'Hi \360\237\230\200 Zo\303\253, prior to the fix we had technical difficulties.\r\nRest assured, prior\r\nto noon.\r\n' > emoji.txt
cat > notice.md <<'EOF'
# Checkout outage

We apologize for any inconvenience this may have caused. The outage was caused by an
issue with our payment provider. Prior to noon only a small number of orders failed.

<!-- draftlint-disable blame-shifting -->
Rest assured, we value your business.
EOF
cat > mail.html <<'EOF'
<html><body><p>Dear customer,</p>
<p>Prior&nbsp;to today we had <b>technical difficulties</b>. Your satisfaction is our top priority.</p>
</body></html>
EOF
printf 'Dear Sam,\n\nWe broke the checkout on Monday and fixed it at 16:40 UTC. We are sorry.\n' > clean.txt
mkdir "odd dir"
printf 'Rest assured, prior to noon.\n' > "odd dir/a,b.txt"

run() {  # run NAME ARGS... : write NAME.sarif, which must be JSON
  name=$1
  shift
  "$bin" --format sarif "$@" >"$name.sarif" 2>"$name.err"
  status=$?
  if [ "$status" -gt 1 ]; then
    echo "FAIL: draftlint --format sarif $* exited $status:"
    cat "$name.err"
    exit 1
  fi
}
run files --report-unused-disables emoji.txt notice.md mail.html clean.txt "odd dir/a,b.txt"
printf 'Prior to noon, rest assured.\n' | run stdin -
printf 'Prior to noon.\n' | run named --stdin-filename "templates/x y.md" -
run clean clean.txt
run absolute "$tmp/emoji.txt"

failed=0
for log in files stdin named clean absolute; do
  out=$(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$tool" validate --level Error Warning -o "$log.validation.sarif" "$log.sarif" 2>&1)
  status=$?
  # The validator exits 0 even when it reports errors: read what it says.
  if [ "$status" -ne 0 ] || printf '%s\n' "$out" | grep -Eq ': error |^error|Unhandled exception'; then
    echo "FAIL: $log.sarif (validator exit $status):"
    printf '%s\n' "$out"
    failed=1
  elif printf '%s\n' "$out" | grep -q ': warning '; then
    echo "$log.sarif: valid, with warnings:"
    printf '%s\n' "$out" | grep ': warning '
  else
    echo "$log.sarif: valid"
  fi
done
if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "SARIF output validated: 5 logs, no errors"
