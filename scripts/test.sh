#!/usr/bin/env bash
# Quick start: set up, build, and run every test (unit, rule examples, CLI cases).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build && ctest --output-on-failure -j"$(nproc)"
