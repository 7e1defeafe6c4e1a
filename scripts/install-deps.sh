#!/usr/bin/env bash
# Installs the system packages newskb builds with (Debian 12 or later).
# Idempotent: does nothing when everything is already installed.
set -euo pipefail
# clang and libclang-rt-dev (libFuzzer): the fuzz targets of tests/fuzz,
# which ctest builds in a folder of their own and runs briefly.
pkgs=(g++ cmake ninja-build pkg-config libicu-dev libre2-dev libsqlite3-dev
      libsimdjson-dev libgtest-dev libgumbo-dev libcmark-dev sqlite3 python3
      python3-jieba libopencc-dev libopencc-data
      python3-distributed           # scripts/dask-ingest.py and its test
      clang libclang-rt-dev         # the fuzz targets (tests/fuzz)
      help2man                      # the man page
      chromium fonts-wqy-microhei)  # the report's browser test (and a CJK font for its screenshots)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
