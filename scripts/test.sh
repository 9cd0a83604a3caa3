#!/usr/bin/env bash
# Installs what the tests need, builds okgen and runs every test twice: in a normal build
# (with the real-browser tests) and in an AddressSanitizer + UndefinedBehaviorSanitizer build
# made with clang, whose libFuzzer targets then replay every crash ever found and fuzz each
# reader for a short fixed time; then builds okgen with ThreadSanitizer and runs the threaded
# paths (a batch on every core, the checker, the workspace server) on the content. Each
# stage's time is printed at its end and all of them at the end of the run.
set -euo pipefail
cd "$(dirname "$0")/.."
timings=""
stage_name="" stage_start=$SECONDS
stage() {
  if [[ -n "$stage_name" ]]; then
    local took=$((SECONDS - stage_start))
    echo "   ($stage_name: ${took} s)"
    timings+="$(printf '  %-34s %4d s' "$stage_name" "$took")"$'\n'
  fi
  stage_name=$1 stage_start=$SECONDS
  [[ -n "$1" ]] && echo "== $2"
  return 0
}
stage "packages" "Debian packages (scripts/setup-debian.sh --tests)"
scripts/setup-debian.sh --tests
jobs=$(nproc)

stage "npm" "browser test dependencies (npm ci, skipped when node_modules matches the lock file)"
(
  cd tests/browser
  lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ -f node_modules/.okgen-lock-sum && "$(cat node_modules/.okgen-lock-sum)" == "$lock_sum" ]]; then
    echo "node_modules is up to date"
  else
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_sum" > node_modules/.okgen-lock-sum
  fi
)

stage "build" "build (RelWithDebInfo, warnings as errors)"
# The library compiles in unity batches here too (OKGEN_UNITY, ~40 % of the build's time);
# a developer's build (the option's default, off) compiles every file on its own.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOKGEN_BUILD_TESTS=ON -DOKGEN_WERROR=ON -DOKGEN_UNITY=ON >/dev/null
cmake --build build -j"$jobs"
stage "test" "test"
(cd build && ctest --output-on-failure -j"$jobs")

stage "asan-build" "build with ASan + UBSan (clang; the same build holds the libFuzzer targets)"
# -O1, as the sanitizers' authors advise: the checks are the same, assertions stay on (no
# NDEBUG), and the tests ran 45 s instead of 165-180 s at -O0; the fuzzers get more runs.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" \
  "-DCMAKE_C_FLAGS_DEBUG=-g -O1" -DOKGEN_BUILD_TESTS=ON -DOKGEN_FUZZ=ON -DOKGEN_WERROR=ON -DOKGEN_UNITY=ON >/dev/null
cmake --build build-asan -j"$jobs"
# The tests that read okgen's output with other programs (browser, poppler/pikepdf, pandoc,
# LibreOffice) ran in the main build: the bytes are the same here, and the sanitizers watch
# okgen itself, which the unit, golden and bad-input tests and the fuzzers drive.
stage "asan-test" "test with ASan + UBSan"
echo "(browser., pdf., docx. and import. reader tests: run in the main build above)"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs" -E '^(browser|pdf|docx|import)\.')
stage "fuzz" "fuzzing: every crash ever found and the seed corpus replayed, then 8 s per target"
OKGEN_FUZZ_BUILD=build-asan scripts/fuzz.sh replay
OKGEN_FUZZ_BUILD=build-asan scripts/fuzz.sh all 8

stage "tsan-build" "ThreadSanitizer build"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOKGEN_BUILD_TESTS=OFF -DOKGEN_UNITY=ON \
  -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
cmake --build build-tsan -j"$jobs" --target okgen okgen-serve
stage "tsan-run" "ThreadSanitizer: okgen build and check on the shipped content, okgen serve under load"
tsan_out=$(mktemp -d)
tsan_logs=build-tsan/logs
mkdir -p "$tsan_logs"
export TSAN_OPTIONS=halt_on_error=1:exitcode=66
# Some kernels' address layouts keep ThreadSanitizer from starting at all: that is the
# machine, not a race, and is said rather than failed.
if ! build-tsan/okgen --version >/dev/null 2>&1; then
  echo "ThreadSanitizer cannot run on this machine; skipped"
else
  # Each run's output is kept (build-tsan/logs/); a race (66), a crash or any exit other than
  # 0 (clean) or 1 (findings in the content) fails the stage and prints the log.
  tsan_run() {
    local name=$1; shift
    local rc=0
    "$@" >"$tsan_logs/$name.log" 2>&1 || rc=$?
    if [[ $rc -ne 0 && $rc -ne 1 ]]; then
      echo "FAIL: ThreadSanitizer run '$name' exited $rc; log: $tsan_logs/$name.log"
      tail -n 60 "$tsan_logs/$name.log"
      exit 1
    fi
    echo "ok: $name (exit $rc)"
  }
  tsan_run build-all build-tsan/okgen build -q content -o "$tsan_out/all"
  # One agreement alone: its check, the hyphenation patterns' loading and the PDF's packing
  # run on a second thread beside the layout (util::SpareCore).
  tsan_run build-one build-tsan/okgen build -q --format html,pdf content/dalarna/regional.xml -o "$tsan_out/one"
  tsan_run check-all build-tsan/okgen check -q content
  tsan_run check-texts build-tsan/okgen check -q tests/checker-dev/agreements
  # The server's threads (workers, watcher, rebuilds, event streams) under 100 concurrent
  # requests while a file changes, and Ctrl-C during saves; a race makes okgen-serve exit 66,
  # which the script reports as a failure.
  # (scripts/tsan-serve.supp: only calls made from inside Debian's uninstrumented HTTP library.)
  if ! TSAN_OPTIONS="$TSAN_OPTIONS:suppressions=$PWD/scripts/tsan-serve.supp" OKGEN_SERVE_STOP_LIMIT=20 \
      bash tests/serve/run_serve_process_tests.sh build-tsan/okgen "$PWD" \
      >"$tsan_logs/serve.log" 2>&1; then
    echo "FAIL: ThreadSanitizer run 'serve' failed; log: $tsan_logs/serve.log"
    tail -n 60 "$tsan_logs/serve.log"
    exit 1
  fi
  echo "ok: serve"
fi
unset TSAN_OPTIONS
rm -rf "$tsan_out"
stage "" ""
echo "== time per stage"
printf '%s' "$timings"
echo "   total: $SECONDS s"
echo "== all tests passed"
