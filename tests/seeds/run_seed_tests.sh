#!/usr/bin/env bash
# The seed calibration tests (tests/review_test.cc, tag [seeds]): the four real agreements in
# ../shared/seeds beside the repository. Without them the tests cannot run: exit 77, which
# ctest reports as skipped.
# Usage: run_seed_tests.sh OKGEN_TESTS SOURCE_DIR
set -u
tests=$1
src=$2
if ! ls "$src/../shared/seeds/"000_*.txt >/dev/null 2>&1; then
  echo "skipped: ../shared/seeds is not beside the repository"
  exit 77
fi
cd "$src" && exec "$tests" "[seeds]"
