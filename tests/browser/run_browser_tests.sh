#!/usr/bin/env bash
# Builds every agreement (and a redline) into a temporary folder and runs the real-browser checks on the
# pages (tests/browser/run.mjs), then checks that the checks can fail (a known-bad page).
# Usage: run_browser_tests.sh OKGEN_BINARY SOURCE_DIR
set -eu
okgen=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$okgen" build "$src/content" "$src/docs/examples/exempel.xml" -o "$out" --date 2026-11-23 -q
# The redline page too (okgen diff), from the test revision of the example.
"$okgen" diff --format html "$src/tests/diff/exempel-0.9.xml" "$src/docs/examples/exempel.xml" -o "$out/andringar.html"
mapfile -t pages < <(find "$out" -name '*.html' | sort)
node "$src/tests/browser/run.mjs" "${pages[@]}"
# The checks must be able to fail: a page with known accessibility faults.
if node "$src/tests/browser/run.mjs" "$src/tests/browser/fixtures/inaccessible.html" > "$out/neg.txt"; then
  echo "FAIL: the browser checks passed a page with known accessibility faults"; cat "$out/neg.txt"; exit 1
fi
grep -q "axe:" "$out/neg.txt" || { echo "FAIL: axe found nothing on the inaccessible page"; cat "$out/neg.txt"; exit 1; }
echo "ok: browser checks reject the inaccessible fixture"
