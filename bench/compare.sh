#!/usr/bin/env bash
# draftlint against its peers on one corpus, in one run (see docs/performance.md).
#
#   bash bench/compare.sh [compare.py options]      e.g. --runs 5, --skip prose,memory
#
# Environment (all optional):
#   DRAFTLINT     the draftlint binary (default: build a Release tree in $WORK/build)
#   WORK          scratch folder for the build, corpus and patterns (default /tmp/draftlint-bench)
#   OUT           where compare.md, compare.png and results.json go (default bench/results)
#   NOTICES       notices in the corpus (default 20000, about 31 MB)
#   LARGE_MB      size of the single large file (default 50)
#   SEED          corpus seed (default 1)
#
# Installs what is missing: Debian ripgrep, gnuplot-nox, python3-proselint, python3-yaml,
# hyperfine and time (as root, with apt-get); write-good and alex from npm into
# ${XDG_CACHE_HOME:-~/.cache}/draftlint-bench/npm. Every peer's output goes to a file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-/tmp/draftlint-bench}"
OUT="${OUT:-$ROOT/bench/results}"
NOTICES="${NOTICES:-20000}"
LARGE_MB="${LARGE_MB:-50}"
SEED="${SEED:-1}"
NPM_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/draftlint-bench/npm"
mkdir -p "$WORK" "$OUT"

need=()
command -v rg >/dev/null || need+=(ripgrep)
command -v gnuplot >/dev/null || need+=(gnuplot-nox)
command -v proselint >/dev/null || need+=(python3-proselint)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
python3 -c 'import yaml' 2>/dev/null || need+=(python3-yaml)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "compare.sh: installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "compare.sh: missing ${need[*]} (not root: those peers are skipped)" >&2
  fi
fi
if command -v npm >/dev/null && { [ ! -x "$NPM_DIR/node_modules/.bin/write-good" ] || [ ! -x "$NPM_DIR/node_modules/.bin/alex" ]; }; then
  echo "compare.sh: installing write-good and alex into $NPM_DIR"
  mkdir -p "$NPM_DIR"
  (cd "$NPM_DIR" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund write-good alex >/dev/null 2>&1) \
    || echo "compare.sh: npm install failed: write-good and alex are skipped" >&2
fi

if [ -z "${DRAFTLINT:-}" ]; then
  cmake -S "$ROOT" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DDRAFTLINT_BUILD_TESTS=OFF >/dev/null
  cmake --build "$WORK/build" -j"$(nproc)" --target draftlint_cli >/dev/null
  DRAFTLINT="$(find "$WORK/build/cli" -maxdepth 1 -type f -name draftlint -perm -u+x | head -1)"
fi
echo "compare.sh: $("$DRAFTLINT" --version 2>/dev/null || echo draftlint) at $DRAFTLINT"

CORPUS="$WORK/corpus-$NOTICES-$LARGE_MB-$SEED"
if [ ! -f "$CORPUS/MANIFEST" ]; then
  echo "compare.sh: generating the corpus in $CORPUS"
  python3 "$ROOT/bench/gen_corpus.py" --out "$CORPUS" --notices "$NOTICES" --large-mb "$LARGE_MB" --seed "$SEED"
fi
python3 "$ROOT/bench/make_patterns.py" --rules "$ROOT/rules" --out "$WORK/patterns" --scale 10

python3 "$ROOT/bench/compare.py" --draftlint "$DRAFTLINT" --corpus "$CORPUS" --patterns "$WORK/patterns" \
  --out "$OUT" --tmp "$WORK/tmp" --npm-bin "$NPM_DIR/node_modules/.bin" "$@"
echo
cat "$OUT/compare.md"
