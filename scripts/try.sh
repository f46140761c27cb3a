#!/usr/bin/env bash
# Quick start: set up, build, and lint the sample notice with the built-in rules.
# The sample has problems on purpose, so this prints findings and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
exec ./build/cli/draftlint examples/outage-notice.txt
