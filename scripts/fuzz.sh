#!/usr/bin/env bash
# Fuzzes okgen's readers and writers with libFuzzer (clang, ASan + UBSan).
#   scripts/fuzz.sh TARGET [SECONDS]   fuzz one target (default 60 s)
#   scripts/fuzz.sh all [SECONDS]      every target, SECONDS each
#   scripts/fuzz.sh replay             run every target once over its corpus and every crash
#                                      ever found (tests/fuzz/regressions/TARGET/), no fuzzing
# Targets: xml_loader (loader, checker, composer, HTML and PDF writers), markdown, text_check,
# dates (date and citation readers), diff_merge (diff of two agreements, local merge), import
# (okgen import's zip, DOCX, ODT and text readers and its XML writer), build_state (the
# incremental build's state file, read and written back).
# The seed corpus is made from content/, docs/examples, the tests' fixtures and, when present,
# ../shared/seeds; new inputs go to build-fuzz/corpus/TARGET. A crash is written to
# build-fuzz/crashes/; copy it into tests/fuzz/regressions/TARGET/ with the fix, so it is
# replayed by every CI run from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(xml_loader markdown text_check dates diff_merge import build_state)
what=${1:-}
seconds=${2:-60}
[[ -n "$what" ]] || { sed -n '2,12p' "$0"; exit 2; }

if ! command -v clang++-14 >/dev/null ||
   ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  scripts/setup-debian.sh --fuzz
fi
# OKGEN_FUZZ_BUILD names a build already configured with -DOKGEN_FUZZ=ON (scripts/test.sh
# passes its sanitizer build, so CI compiles okgen once for both); otherwise build-fuzz.
build=${OKGEN_FUZZ_BUILD:-build-fuzz}
if [[ -z "${OKGEN_FUZZ_BUILD:-}" ]]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOKGEN_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j"$(nproc)" >/dev/null

seed_corpus() {
  local t=$1 dir=build-fuzz/corpus/$1
  mkdir -p "$dir"
  case $t in
    xml_loader|diff_merge)
      find content docs/examples tests/bad-input tests/local tests/diff -name '*.xml' -exec cp {} "$dir"/ \; ;;
    markdown)
      find content docs -name '*.md' -exec cp {} "$dir"/ \; ;;
    text_check)
      cp tests/checker-dev/agreements/* tests/blind/agreements/* "$dir"/
      ls ../shared/seeds/*.txt >/dev/null 2>&1 && cp ../shared/seeds/*.txt "$dir"/ || true ;;
    import)
      # okgen's own DOCX of two agreements, and text agreements.
      "$build/okgen" build -q --format docx docs/examples/exempel.xml content/ostergotland/regional.xml \
        -o build-fuzz/docx-seed >/dev/null 2>&1 || true
      find build-fuzz/docx-seed -name '*.docx' -exec cp {} "$dir"/ \; 2>/dev/null || true
      cp tests/checker-dev/agreements/0[1-3]* "$dir"/ ;;
    build_state)
      # The state files of a real build of the content (and of an example alone).
      rm -rf build-fuzz/state-seed && mkdir -p build-fuzz/state-seed
      OKGEN_CACHE_DIR=build-fuzz/state-seed/cache "$build/okgen" build -q --format html content \
        -o build-fuzz/state-seed/out >/dev/null 2>&1 || true
      OKGEN_CACHE_DIR=build-fuzz/state-seed/cache "$build/okgen" build -q --format html docs/examples/exempel.xml \
        -o build-fuzz/state-seed/out2 >/dev/null 2>&1 || true
      find build-fuzz/state-seed/cache -name '*.xml' -exec cp {} "$dir"/ \; 2>/dev/null || true ;;
    dates)
      # One sentence per file: the lines of the development set that hold a digit.
      local n=0
      while IFS= read -r line; do
        printf '%s' "$line" > "$dir/line-$n.txt"; n=$((n + 1))
      done < <(grep -h '[0-9]' tests/checker-dev/agreements/* | head -400) ;;
  esac
}

run_target() {
  local t=$1 mode=$2
  local bin=$build/tests/fuzz/fuzz_$t
  local regressions=tests/fuzz/regressions/$t
  mkdir -p "$regressions" build-fuzz/crashes
  seed_corpus "$t"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  local log=build-fuzz/fuzz-$t.log
  if [[ $mode == replay ]]; then
    "$bin" -runs=0 "build-fuzz/corpus/$t" "$regressions" >"$log" 2>&1 || { tail -40 "$log"; echo "FAIL: $t replay"; return 1; }
    echo "ok: $t replayed $(ls "build-fuzz/corpus/$t" "$regressions" | wc -l) inputs"
  else
    # New inputs go to the generated corpus; the committed regressions are read only.
    "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -dict=tests/fuzz/okgen.dict \
      -artifact_prefix=build-fuzz/crashes/"$t"- "build-fuzz/corpus/$t" "$regressions" >"$log" 2>&1 ||
      { tail -60 "$log"
        if ls build-fuzz/crashes/"$t"-* >/dev/null 2>&1; then echo "FAIL: $t found a crash (build-fuzz/crashes/)"
        else echo "FAIL: $t did not run (see $log)"; fi
        return 1; }
    echo "ok: $t: $(grep -oE 'Done [0-9]+ runs' "$log" | tail -1 | awk '{print $2}') runs in ${seconds} s, $(grep -c '' <(ls "build-fuzz/corpus/$t")) corpus inputs, no crash"
  fi
}

fail=0
if [[ $what == all || $what == replay ]]; then
  for t in "${targets[@]}"; do run_target "$t" "$([[ $what == replay ]] && echo replay || echo fuzz)" || fail=1; done
else
  [[ " ${targets[*]} " == *" $what "* ]] || { echo "unknown target $what (${targets[*]})"; exit 2; }
  run_target "$what" fuzz || fail=1
fi
exit $fail
