#!/usr/bin/env bash
# Real-browser tests of okgen serve (tests/browser/serve.mjs): the workspace started on a
# temporary git copy of content/, driven in Chromium: overview, live reload, the problems page,
# the questionnaire by keyboard, a concurrent edit, axe-core and html-validate on every page,
# the Content-Security-Policy, and Ctrl-C.
# Usage: run_serve_tests.sh OKGEN_BINARY SOURCE_DIR
set -eu
okgen=$1
src=$2
here="$src/tests/browser"
# Without node, the packages, Chromium or git the test cannot run: it says so and ctest counts
# it as skipped (SKIP_RETURN_CODE 77), so a summary never shows it as passed.
if ! command -v node >/dev/null || ! command -v git >/dev/null ||
   [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/html-validate" ] ||
   [ ! -d "$here/node_modules/axe-core" ] || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "skipped: needs node, git, Chromium and 'npm ci' in tests/browser (scripts/test.sh does this)"
  exit 77
fi
# okgen serve runs okgen-serve from beside okgen.
if [ ! -x "$(dirname "$okgen")/okgen-serve" ]; then
  echo "FAIL: $(dirname "$okgen")/okgen-serve is missing (build the okgen-serve target)"
  exit 1
fi
exec node "$here/serve.mjs" "$okgen" "$src"
