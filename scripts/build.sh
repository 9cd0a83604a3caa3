#!/usr/bin/env bash
# The main job: installs dependencies, builds okgen, and generates every agreement under
# content/ into output/ (HTML, index.html and kontrollrapport.txt). Extra arguments go to
# `okgen build`, e.g. scripts/build.sh --date 2025-01-01.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target okgen >/dev/null
exec build/okgen build content -o output "$@"
