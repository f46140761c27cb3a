#!/bin/sh
# Directory walking inside a git work tree: .gitignore (nested, negated), tracked files,
# deleted files, nested repositories, hidden entries and symbolic links; then the same tree
# without git on PATH. A repository cannot be committed inside this one, so the test builds
# it in a temporary directory.
# Usage: tree_gitignore_test.sh /path/to/draftlint   (exit 77 = skipped: no git)
set -u
bin=${1:?usage: $0 /path/to/draftlint}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
command -v git >/dev/null 2>&1 || { echo "git not found: skipped"; exit 77; }

# Keep the user's git configuration (core.excludesFile...) out of it.
GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

line='We will call you prior to the visit.'
put() { for f in "$@"; do mkdir -p "$(dirname "$f")" && echo "$line" > "$f"; done; }
g() { git -c user.name=test -c user.email=test@example.com -c init.defaultBranch=main "$@" >/dev/null 2>&1; }

mkdir pack
cat > pack/wordy.yml <<'EOF'
kind: substitution
message: "Write '{replacement}' instead of '{match}'."
severity: warning
swap:
  prior to: before
EOF

put outside.md
mkdir repo && cd repo && g init || { echo "git init failed"; exit 1; }
printf '%s\n' 'ignored.md' 'drafts/' '*.log.md' > .gitignore
mkdir docs && printf '%s\n' '*.md' '!keep.md' > docs/.gitignore
put a.md b.txt ignored.md drafts/x.md run.log.md .hidden.md .private/h.md \
    docs/keep.md docs/drop.md docs/page.html docs/deep/keep.md docs/deep/other.md \
    docs/forced.md tracked.md
g add -A && g add -f docs/forced.md && g commit -m fixture || { echo "git commit failed"; exit 1; }
rm tracked.md                     # tracked but deleted: not listed, not an error
put untracked.md                  # untracked, not ignored: listed
mkdir nested && (cd nested && g init && echo skip.md > .gitignore) && put nested/n.md nested/skip.md
ln -s a.md link-in.md             # same file as a.md: listed once
ln -s ../outside.md link-out.md   # leaves the tree: skipped
ln -s docs linkdir                # directory symlink: not descended
ln -s loop.md loop.md             # symlink loop: skipped, no hang
ln -s .. docs/up                  # directory loop: not descended
cd "$tmp" || exit 1

failed=0
bin_path=$PATH
# check NAME EXPECTED-FILES... -- DRAFTLINT-ARGS...: the files linted, in order, must be exactly these.
check() {
  name=$1; shift
  expected=
  while [ "$1" != -- ]; do expected="$expected$1
"; shift; done
  shift
  out=$(PATH=$bin_path "$bin" --no-config --no-builtin --rules pack "$@" 2>"$tmp/stderr")
  code=$?
  actual=$(printf '%s\n' "$out" | sed -n 's/^\([^ ].*\):[0-9][0-9]*:[0-9][0-9]*: warning: .*/\1/p')
  if [ "$actual
" != "$expected" ] || [ "$code" != 1 ] || [ -s "$tmp/stderr" ]; then
    echo "FAIL: $name (exit $code)"
    printf -- '--- expected\n%s--- actual\n%s\n--- stderr\n' "$expected" "$actual"
    cat "$tmp/stderr"
    failed=1
  else
    echo "ok: $name"
  fi
}

check "git work tree" \
  repo/a.md repo/b.txt repo/docs/deep/keep.md repo/docs/forced.md repo/docs/keep.md repo/docs/page.html \
  repo/nested/n.md repo/untracked.md -- repo

check "subdirectory of a work tree (parent .gitignore still applies)" \
  repo/docs/deep/keep.md repo/docs/forced.md repo/docs/keep.md repo/docs/page.html -- repo/docs

check "ignored directory named on the command line is walked" \
  repo/drafts/x.md -- repo/drafts

check "ignored and hidden files named on the command line are taken" \
  repo/ignored.md repo/.hidden.md repo/a.md repo/b.txt repo/docs/deep/keep.md repo/docs/forced.md \
  repo/docs/keep.md repo/docs/page.html repo/nested/n.md repo/untracked.md -- repo/ignored.md repo/.hidden.md repo

bin_path=/nonexistent
check "no git on PATH: plain walk, no .gitignore" \
  repo/a.md repo/b.txt repo/docs/deep/keep.md repo/docs/deep/other.md repo/docs/drop.md repo/docs/forced.md \
  repo/docs/keep.md repo/docs/page.html repo/drafts/x.md repo/ignored.md repo/nested/n.md repo/nested/skip.md \
  repo/run.log.md repo/untracked.md -- repo

exit $failed
