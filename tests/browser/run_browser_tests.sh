#!/usr/bin/env bash
# Builds every agreement, the check report and a redline into a temporary folder, validates
# every page with an HTML validator that is not okgen (html-validate, config in
# .htmlvalidate.json), then runs the real-browser checks on the pages (tests/browser/run.mjs),
# and checks that both can fail (known-bad pages).
# Usage: run_browser_tests.sh OKGEN_BINARY SOURCE_DIR
set -eu
okgen=$1
src=$2
here="$src/tests/browser"
# Without node, the packages or Chromium the test cannot run: it says so and ctest counts it
# as skipped (SKIP_RETURN_CODE 77), so a summary never shows it as passed.
if ! command -v node >/dev/null || [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/html-validate" ] ||
   [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "skipped: needs node, Chromium and 'npm ci' in tests/browser (scripts/test.sh does this)"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$okgen" build "$src/content" "$src/docs/examples/exempel.xml" -o "$out" --date 2026-11-23 -q
# The redline page too (okgen diff), from the test revision of the example, and the check report.
"$okgen" diff --format html "$src/tests/diff/exempel-0.9.xml" "$src/docs/examples/exempel.xml" -o "$out/andringar.html"
"$okgen" check --format html -o "$out/granskning.html" --date 2026-11-23 "$src/content" >/dev/null || [ $? -eq 1 ]
mapfile -t pages < <(find "$out" -name '*.html' | sort)
echo "== ${#pages[@]} pages"

# Every page starts with its doctype: nothing (a broken template comment) comes before it.
for p in "${pages[@]}"; do
  head -c 16 "$p" | grep -q '^<!DOCTYPE html>$' || { echo "FAIL: $p does not start with <!DOCTYPE html>"; head -c 200 "$p"; exit 1; }
done
validate() { (cd "$here" && node node_modules/html-validate/bin/html-validate.mjs -c .htmlvalidate.json "$@"); }
validate "${pages[@]}"
echo "ok: html-validate accepts every page"
# The validator must be able to fail: a page with text before the doctype and unclosed markup.
if validate "$here/fixtures/invalid.html" > "$out/neg-html.txt" 2>&1; then
  echo "FAIL: html-validate passed a page with known markup errors"; cat "$out/neg-html.txt"; exit 1
fi
echo "ok: html-validate rejects the invalid fixture"

node "$here/run.mjs" "${pages[@]}"
# The checks must be able to fail: a page with known accessibility faults.
if node "$here/run.mjs" "$here/fixtures/inaccessible.html" > "$out/neg.txt"; then
  echo "FAIL: the browser checks passed a page with known accessibility faults"; cat "$out/neg.txt"; exit 1
fi
grep -q "axe:" "$out/neg.txt" || { echo "FAIL: axe found nothing on the inaccessible page"; cat "$out/neg.txt"; exit 1; }
# Each kind of fault the fixture has on purpose, among them the two rules okgen's own pages once
# broke (links told apart by colour only; note back links whose name left out their number).
for rule in color-contrast html-has-lang image-alt link-in-text-block label-content-name-mismatch; do
  grep -q "axe: $rule " "$out/neg.txt" || { echo "FAIL: axe did not report $rule on the inaccessible page"; cat "$out/neg.txt"; exit 1; }
done
echo "ok: browser checks reject the inaccessible fixture"
