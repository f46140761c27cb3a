#!/usr/bin/env bash
# Builds the libFuzzer fuzzers with clang (ASan + UBSan) into build-fuzz/ and runs each for
# SECONDS (default 60), starting from the committed seeds in fuzz/corpus/<target>/.
#   fuzz/run.sh [SECONDS] [TARGET...]      e.g. fuzz/run.sh 10, fuzz/run.sh 300 lint_html
# New inputs go to build-fuzz/corpus/<target>/, crashes to build-fuzz/artifacts/<target>/.
# A crash makes this exit 1: reproduce it with build-fuzz/fuzz/fuzz_<target> FILE, fix it, and
# add FILE to fuzz/corpus/<target>/ as a regression seed (the ctest fuzz.replay.* runs the seeds).
# Needs clang and libclang-rt-14-dev (Debian 12); exits 77 when clang is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(rules config lint_text lint_markdown lint_html lsp_reader)
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz/run.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 77
fi
build=${DRAFTLINT_FUZZ_BUILD_DIR:-build-fuzz}
flags="-fsanitize=address,undefined -fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer"
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDRAFTLINT_LIBFUZZER=ON -DDRAFTLINT_BUILD_TESTS=OFF -DDRAFTLINT_INSTALL=OFF \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" >/dev/null || exit 1
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null || exit 1

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  echo "fuzz/run.sh: $t for ${seconds}s" >&2
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" \
       "$build/corpus/$t" "fuzz/corpus/$t" >"$build/fuzz-$t.log" 2>&1; then
    echo "fuzz/run.sh: $t FAILED; see $build/fuzz-$t.log and $build/artifacts/$t/" >&2
    tail -40 "$build/fuzz-$t.log" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$build/fuzz-$t.log" | tr '\n' ' ' >&2
    echo >&2
  fi
done
exit $status
