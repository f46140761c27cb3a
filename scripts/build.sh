#!/usr/bin/env bash
# Sets up the dependencies and builds draftlint into build/ (the CLI lands at build/cli/draftlint).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
