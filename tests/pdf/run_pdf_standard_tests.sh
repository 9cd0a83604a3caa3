#!/usr/bin/env bash
# Tagged PDF/UA-1 and PDF/A-2a, checked by readers okgen does not share code with:
#   - pikepdf (qpdf) objects, by tests/pdf/pdfua_check.py: the Matterhorn Protocol and
#     PDF/A-2 checks listed in docs/pdf-standards.md, on every PDF the main job writes, the
#     example and a redline appendix; then the checker's own negative fixtures
#   - poppler: `pdfinfo -struct-text` must give every block of the agreement in order
#     (tests/pdf/struct_text_check.py, against the HTML page of the same document)
#   - qpdf --check: the file structure
# Without pikepdf or poppler the test reports itself skipped (exit 77), never passed.
# Usage: run_pdf_standard_tests.sh OKGEN SOURCE_DIR
set -uo pipefail
okgen=$1
src=$2

python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3  # Debian's, where python3-pikepdf is
if ! "$python" -c "import pikepdf" 2>/dev/null; then
  echo "skipped: python3-pikepdf is not installed (scripts/setup-debian.sh --tests installs it)"
  exit 77
fi
for tool in pdfinfo qpdf; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

"$okgen" build -q --date 2024-01-01 "$src/content" "$src/docs/examples/exempel.xml" -o "$work/out" >/dev/null 2>&1
mkdir -p "$work/diff"
"$okgen" diff "$src/tests/diff/exempel-0.9.xml" "$src/docs/examples/exempel.xml" --format pdf -o "$work/diff/redline.pdf" >/dev/null 2>&1
"$okgen" diff "$src/tests/diff/exempel-0.9.xml" "$src/docs/examples/exempel.xml" --format text -o "$work/diff/redline.txt" >/dev/null 2>&1

mapfile -t pdfs < <(find "$work" -name '*.pdf' | sort)
if ((${#pdfs[@]} < 10)); then
  echo "FAIL: only ${#pdfs[@]} PDFs were written"
  exit 1
fi
echo "== ${#pdfs[@]} PDFs"

echo "== qpdf --check"
for f in "${pdfs[@]}"; do
  qpdf --check "$f" >/dev/null 2>&1 || { echo "FAIL: qpdf --check $f"; fail=1; }
done

echo "== PDF/UA-1 and PDF/A-2a checks (pikepdf)"
"$python" "$src/tests/pdf/pdfua_check.py" "${pdfs[@]}" | tail -n 40 || fail=1

echo "== each check catches what it checks (negative fixtures)"
"$python" "$src/tests/pdf/pdfua_check.py" --self-test "$work/out/dalarna/regional.pdf" || fail=1

echo "== reading order from the structure tree (poppler pdfinfo -struct-text)"
# poppler reads the text of each element by running its page again (about 8 s for a
# 14-page agreement), so the regional agreements, the example, one local agreement and the
# redline are read; pdfua_check above has shown that every other PDF's content is tagged.
pairs=()
for f in "$work"/out/*/regional.pdf "$work"/out/exempel.pdf "$work"/out/dalarna/local/falun.pdf; do
  [[ -f "$f" && -f "${f%.pdf}.html" ]] && pairs+=("$f" "${f%.pdf}.html")
done
pairs+=("$work/diff/redline.pdf" "$work/diff/redline.txt")
# Two documents at a time (poppler is single-threaded); xargs exits non-zero if any fails.
printf '%s\n' "${pairs[@]}" | xargs -n 2 -P 2 "$python" "$src/tests/pdf/struct_text_check.py" > "$work/struct.txt"
rc=$?
grep -v '^ok:' "$work/struct.txt"
echo "$(grep -c '^ok:' "$work/struct.txt") of $((${#pairs[@]} / 2)) documents read in order from their structure tree"
((rc == 0)) || fail=1
# The comparison itself must be able to fail: the agreement read against another's page.
if "$python" "$src/tests/pdf/struct_text_check.py" "$work/out/dalarna/regional.pdf" "$work/out/ostergotland/regional.html" >/dev/null; then
  echo "FAIL: the reading-order check accepted another agreement's text"
  fail=1
fi

exit $fail
