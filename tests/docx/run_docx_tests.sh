#!/usr/bin/env bash
# DOCX files okgen writes (build --format docx, and diff --format docx: a redline with Word
# tracked changes), read by programs okgen does not share code with:
#   - tests/docx/check_docx.py: the package (content types, relationships) and every
#     reference inside it (styles, numbering, footnotes, bookmarks, revision ids), python-docx
#   - pandoc reads each DOCX back: the headings and words of the HTML page of the same
#     agreement (tests/docx/pandoc_roundtrip.py); the build must be byte-for-byte repeatable
#   - LibreOffice turns two of them into PDF: page footer "Sida N (M)" and the headings
#   - the redline: accepting all changes gives the new version, rejecting all the old one
#     (tests/docx/accept_reject.py; the summary page in style OkgenChangeSummary is left out)
# The checkers' self-test (tests/docx/selftest.sh) runs first. Without python3-docx, pandoc,
# LibreOffice or pdftotext the test reports itself skipped (exit 77), never passed.
# Usage: run_docx_tests.sh OKGEN SOURCE_DIR
set -uo pipefail
okgen=$1
src=$2
here="$src/tests/docx"

python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3  # Debian's, where python3-docx is
"$python" -c "import docx" 2>/dev/null || { echo "skipped: python3-docx is not installed (scripts/setup-debian.sh --tests installs it)"; exit 77; }
for tool in pandoc pdftotext; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
soffice=$(command -v soffice || command -v libreoffice) || { echo "skipped: LibreOffice (soffice) is not installed"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

echo "== self-test of the checkers"
bash "$here/selftest.sh" > "$work/selftest.txt" 2>&1
rc=$?
if ((rc != 0)); then
  cat "$work/selftest.txt"
  echo "FAIL: the DOCX checkers' self-test failed (exit $rc): nothing below could be trusted"
  exit 1
fi
tail -n 1 "$work/selftest.txt"

echo "== okgen build --format docx,html"
build() {  # build OUTDIR FORMATS: exit 0 or 1 (findings) is a build; more is a failure
  "$okgen" build -q --date 2024-01-01 --format "$2" "$src/content" "$src/docs/examples/exempel.xml" -o "$1" > "$work/build.log" 2>&1
  local rc=$?
  if ((rc > 1)); then
    echo "FAIL: okgen build --format $2 exited $rc:"
    grep -v 'warning:\|^ *[0-9]* |\|^ *|' "$work/build.log" | tail -n 15
    return 1
  fi
}
build "$work/out" docx,html || exit 1
mapfile -t docs < <(find "$work/out" -name '*.docx' | sort)
expected=("$work/out/exempel.docx")
while IFS= read -r f; do
  rel=${f#"$src/content/"}
  expected+=("$work/out/${rel%.xml}.docx")
done < <(find "$src/content" -name '*.xml' | sort)
for f in "${expected[@]}"; do
  [[ -f "$f" ]] || { echo "FAIL: no ${f#"$work/"} (every agreement gives a DOCX at the same relative path)"; fail=1; }
done
if ((${#docs[@]} < 10)); then
  echo "FAIL: only ${#docs[@]} DOCX files were written"
  exit 1
fi
echo "${#docs[@]} DOCX files, ${#expected[@]} agreements"

echo "== package and references (check_docx.py, python-docx)"
"$python" "$here/check_docx.py" "${docs[@]}" > "$work/check.txt"
rc=$?
grep -v '^ok:' "$work/check.txt" | head -n 40
echo "$(grep -c '^ok:' "$work/check.txt") of ${#docs[@]} DOCX files pass the package check"
((rc == 0)) || fail=1

echo "== the same build twice gives the same bytes"
if build "$work/again" docx; then
  differ=0
  for f in "${docs[@]}"; do
    cmp -s "$f" "$work/again/${f#"$work/out/"}" || { echo "FAIL: ${f#"$work/out/"} differs between two builds"; differ=1; }
  done
  ((differ)) && fail=1 || echo "all ${#docs[@]} identical"
else
  fail=1
fi

echo "== pandoc reads each DOCX back: headings and words of the HTML page's <main>"
pairs=0
for f in "${docs[@]}"; do
  html=${f%.docx}.html
  [[ -f "$html" ]] || { echo "FAIL: no HTML page for ${f#"$work/out/"}"; fail=1; continue; }
  pandoc -f docx -t plain --wrap=none "$f" > /dev/null 2> "$work/pandoc.err" || { echo "FAIL: pandoc cannot read ${f#"$work/out/"}: $(head -n 3 "$work/pandoc.err")"; fail=1; continue; }
  "$python" "$here/pandoc_roundtrip.py" "$f" "$html" | sed "s|$work/out/||g" || fail=1
  pairs=$((pairs + 1))
done
echo "$pairs DOCX files compared with their HTML page"

echo "== LibreOffice: PDF with page footer and headings"
largest=$(find "$work/out" -name '*.docx' -printf '%s %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)
lo=0
for f in $(printf '%s\n' "$largest" "$work/out/exempel.docx" | sort -u); do
  lo=$((lo + 1))
  mkdir -p "$work/lo$lo"
  if ! timeout 180 "$soffice" -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
      --outdir "$work/lo$lo" "$f" > "$work/lo.log" 2>&1; then
    echo "FAIL: LibreOffice could not convert ${f#"$work/out/"} to PDF:"; tail -n 5 "$work/lo.log"; fail=1; continue
  fi
  pdf="$work/lo$lo/$(basename "${f%.docx}").pdf"
  [[ -s "$pdf" ]] || { echo "FAIL: LibreOffice wrote no PDF for ${f#"$work/out/"}"; fail=1; continue; }
  "$python" "$here/pandoc_roundtrip.py" --pdf "$f" "$pdf" | sed "s|$work/||g" || fail=1
done

echo "== redline: okgen diff --format docx"
# The old version with one footnote worded otherwise, so the redline has a note to track.
old="$work/exempel-0.9.xml"
sed 's/paragrafnumret anges när det är bekräftat/paragrafen anges i en senare version/' \
  "$src/tests/diff/exempel-0.9.xml" > "$old"
grep -q 'paragrafen anges i en senare version' "$old" || { echo "FAIL: the old version's footnote was not reworded"; exit 1; }
new="$src/docs/examples/exempel.xml"
"$okgen" diff "$old" "$new" --format docx -o "$work/redline.docx" > "$work/diff.log" 2>&1
rc=$?
"$okgen" build -q --format docx "$old" -o "$work/old" > /dev/null 2>&1
"$okgen" build -q --format docx "$new" -o "$work/new" > /dev/null 2>&1
if [[ ! -s "$work/redline.docx" ]]; then
  echo "FAIL: okgen diff --format docx wrote no redline (exit $rc):"; tail -n 5 "$work/diff.log"
  exit 1
fi
for f in "$work/old/exempel-0.9.docx" "$work/new/exempel.docx"; do
  [[ -f "$f" ]] || { echo "FAIL: okgen build --format docx wrote no ${f#"$work/"}"; exit 1; }
done
"$python" "$here/check_docx.py" "$work/redline.docx" "$work/old/exempel-0.9.docx" "$work/new/exempel.docx" | sed "s|$work/||g" || fail=1
"$python" "$here/accept_reject.py" revisions "$work/redline.docx" | sed "s|$work/||g" || fail=1
"$python" "$here/accept_reject.py" accept "$work/redline.docx" --compare "$work/new/exempel.docx" | sed "s|$work/||g" | head -n 60 || fail=1
"$python" "$here/accept_reject.py" reject "$work/redline.docx" --compare "$work/old/exempel-0.9.docx" | sed "s|$work/||g" | head -n 60 || fail=1

exit $fail
