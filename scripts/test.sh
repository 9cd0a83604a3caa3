#!/usr/bin/env bash
# Installs what the tests need, builds okgen and runs every test twice: in a normal build
# (with the real-browser tests) and in an AddressSanitizer + UndefinedBehaviorSanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh --tests
jobs=$(nproc)

echo "== browser test dependencies (npm ci)"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

echo "== build and test (RelWithDebInfo, warnings as errors)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOKGEN_BUILD_TESTS=ON -DOKGEN_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== build and test with ASan + UBSan"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DOKGEN_BUILD_TESTS=ON -DOKGEN_SANITIZE=ON -DOKGEN_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs" -E '^browser\.')
echo "== all tests passed"
