#!/usr/bin/env bash
# Installs draftlint's build dependencies from Debian packages, only those missing.
# Idempotent and quiet when everything is there. Needs root (or sudo) to install.
set -euo pipefail
packages=(cmake g++ make pkg-config libre2-dev libcli11-dev libfmt-dev libgtest-dev libyaml-cpp-dev libmd4c-dev libgumbo-dev
          libmimalloc-dev  # the command's allocator (DRAFTLINT_MIMALLOC)
          nlohmann-json3-dev python3 python3-yaml
          clang libclang-rt-14-dev)  # clang: the libFuzzer fuzzers (fuzz/run.sh, .ci/run)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
