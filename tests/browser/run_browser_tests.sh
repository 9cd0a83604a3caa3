#!/usr/bin/env bash
# Builds every agreement, the check report and a redline into a temporary folder, validates
# every page with an HTML validator that is not okgen (html-validate, config in
# .htmlvalidate.json), reads every PDF's tags with pdf.js, Firefox's reader
# (tests/browser/pdf_structure.mjs), then runs the real-browser checks on the pages
# (tests/browser/run.mjs), and checks that each can fail (known-bad pages and PDFs).
# Usage: run_browser_tests.sh OKGEN_BINARY SOURCE_DIR
set -eu
okgen=$1
src=$2
here="$src/tests/browser"
# Without node, the packages or Chromium the test cannot run: it says so and ctest counts it
# as skipped (SKIP_RETURN_CODE 77), so a summary never shows it as passed.
if ! command -v node >/dev/null || [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/html-validate" ] ||
   [ ! -d "$here/node_modules/pdfjs-dist" ] ||
   [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "skipped: needs node, Chromium and 'npm ci' in tests/browser (scripts/test.sh does this)"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The content is read through a long folder path (as on a CI machine or a file server): the
# pages show source paths, and a long one (no hyphen to break at) must wrap on a phone
# instead of widening a table.
deep="$out.src/samverkansoverenskommelserna/arbetsmaterialet/content"
mkdir -p "$(dirname "$deep")"
trap 'rm -rf "$out" "$out.src"' EXIT
ln -s "$src/content" "$deep"
"$okgen" build "$deep" "$src/docs/examples/exempel.xml" -o "$out" --date 2026-11-23 -q
# The redline page too (okgen diff), from the test revision of the example, and the check report.
"$okgen" diff --format html "$src/tests/diff/exempel-0.9.xml" "$src/docs/examples/exempel.xml" -o "$out/andringar.html"
"$okgen" check --format html -o "$out/granskning.html" --date 2026-11-23 "$deep" >/dev/null || [ $? -eq 1 ]
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

# The PDFs as pdf.js reads them: structure tree, marked content, headings, link annotations.
mapfile -t pdfs < <(find "$out" -name '*.pdf' | sort)
[ ${#pdfs[@]} -gt 0 ] || { echo "FAIL: the build wrote no PDFs"; exit 1; }
node "$here/pdf_structure.mjs" "${pdfs[@]}"
# It must be able to fail: a PDF with no tags at all, and one with a fault of each kind
# (tests/browser/fixtures/make_pdf_fixtures.mjs). Each fault must be reported by name.
node "$here/pdf_structure.mjs" --expect-fail "$here/fixtures/untagged.pdf" "$here/fixtures/mistagged.pdf" > "$out/neg-pdf.txt" ||
  { echo "FAIL: pdf.js checks passed a PDF with known tagging faults"; cat "$out/neg-pdf.txt"; exit 1; }
for fault in 'no structure tree' 'outside tagged or artifact content' 'not in the structure tree' \
             'points at marked content that is not on the page' 'referenced by 2 structure leaves' \
             'LI under Document' 'heading level skips' 'is not the title' 'not the text of a heading' \
             'has no /Contents' 'not an OBJR child' 'roles missing' 'no document language' 'MarkInfo'; do
  grep -q "$fault" "$out/neg-pdf.txt" || { echo "FAIL: pdf.js checks did not report '$fault'"; cat "$out/neg-pdf.txt"; exit 1; }
done
echo "ok: pdf.js checks reject the untagged and mistagged fixtures"

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
