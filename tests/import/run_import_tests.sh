#!/usr/bin/env bash
# okgen import on documents written by programs okgen does not share code with, and on its
# own DOCX; what came in is compared with what went out by tests/import/ helpers:
#   1. okgen's own DOCX of every regional agreement and the example, imported and built
#      again: the HTML pages' <main> have the same section tree and the original's words
#      (tests/import/compare_pages.py, share >= 0.97); the parties come back by name
#      (tests/import/check_xml.py parties)
#   2. every shipped agreement's page (the example and each regional one), cut to <main>,
#      written as DOCX and ODT by pandoc and converted DOCX->ODT and ODT->DOCX by
#      LibreOffice: each of the 16 files imported and compared the same way (share >= 0.95:
#      pandoc's HTML reading may add or drop small things)
#   3. pdftotext -layout of okgen's PDF imported as text: it imports, `okgen check` can load
#      the result (exit 0 or 1), and at least 10 sections are found
#   4. a Markdown agreement (tests/import/fixtures/avtal.md): title, headings in order and
#      nesting, every paragraph's words, the link, the parties (check_xml.py markdown)
#   5. input import must refuse (tests/import/make_bad_inputs.py): exit 1 (2 for a missing
#      file), the rule id on stderr, no output file; no overwriting without --force
# Without pandoc, LibreOffice or pdftotext the test reports itself skipped (exit 77), never
# passed.
# Usage: run_import_tests.sh OKGEN SOURCE_DIR
set -uo pipefail
okgen=$1
src=$2
here="$src/tests/import"

python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3  # Debian's, as in the other drivers
for tool in pandoc pdftotext; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
soffice=$(command -v soffice || command -v libreoffice) || { echo "skipped: LibreOffice (soffice) is not installed"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
date=2024-01-01

# okimport FILE OUT [OPTIONS...]: okgen import; the report goes to $work/import.out, the
# diagnostics to $work/import.err; returns okgen's exit code.
okimport() {
  local file=$1 out=$2
  shift 2
  "$okgen" import "$file" -o "$out" --date "$date" "$@" > "$work/import.out" 2> "$work/import.err"
}

# page XML OUTDIR: the HTML page of an imported agreement, printed as its path. The checker's
# judgement of the areas (area-missing-required, an error) depends on how import split the
# text into sections; that is not what is compared here, so it is a warning for these builds.
# Exit 1 (other findings) is a build; more, or no page, is a failure.
page() {
  local xml=$1 dir=$2
  "$okgen" build -q --date "$date" --format html --warning area-missing-required "$xml" -o "$dir" > "$work/build.log" 2>&1
  local rc=$?
  local html
  html=$(find "$dir" -name "$(basename "${xml%.xml}").html" 2>/dev/null | head -n 1)
  if ((rc > 1)) || [[ -z "$html" ]]; then
    echo "okgen build of ${xml#"$work/"} exited $rc and wrote no page:" >&2
    grep 'error' "$work/build.log" | head -n 5 | sed 's/^/    /' >&2
    return 1
  fi
  echo "$html"
}

# import_and_compare LABEL FILE ORIGINAL_HTML MIN_SHARE [IMPORT OPTIONS...]
import_and_compare() {
  local label=$1 file=$2 orig=$3 share=$4
  shift 4
  local dir="$work/cmp/${label//[^A-Za-z0-9.-]/_}"
  mkdir -p "$dir"
  okimport "$file" "$dir/imported.xml" "$@"
  local rc=$?
  if ((rc != 0)) || [[ ! -s "$dir/imported.xml" ]]; then
    echo "FAIL: $label: okgen import exited $rc:"
    head -n 5 "$work/import.err" | sed "s|$work/||g; s/^/    /"
    return 1
  fi
  local html
  html=$(page "$dir/imported.xml" "$dir/html" 2> "$work/page.err") || {
    echo "FAIL: $label: the imported file does not build:"; sed "s|$work/||g" "$work/page.err"; return 1; }
  "$python" "$here/compare_pages.py" --min-share "$share" --label "$label" "$orig" "$html"
}

echo "== 1. okgen's own DOCX, imported and built again"
# Allowed differences in the section tree (compare_pages.py says why): the imported page's
# first section "Inledande text" (the DOCX cover, text before the first heading), and
# "Versionshistorik", which the original page has only as generated back matter outside
# <main> while okgen's DOCX writes it as a heading, so import makes a section of it.
agreements=()
for f in "$src"/content/*/regional.xml; do agreements+=("$f"); done
agreements+=("$src/docs/examples/exempel.xml")
declare -A original_html
for f in "${agreements[@]}"; do
  if [[ "$f" == */content/* ]]; then name=$(basename "$(dirname "$f")"); else name=$(basename "${f%.xml}"); fi
  out="$work/orig/$name"
  "$okgen" build -q --date "$date" --format docx,html "$f" -o "$out" > "$work/build.log" 2>&1
  rc=$?
  docx=$(find "$out" -name "$(basename "${f%.xml}").docx" | head -n 1)
  html=${docx%.docx}.html
  if ((rc > 1)) || [[ -z "$docx" || ! -f "$html" ]]; then
    echo "FAIL: $name: okgen build --format docx,html exited $rc or wrote no DOCX/HTML:"
    grep 'error' "$work/build.log" | head -n 5
    fail=1
    continue
  fi
  original_html[$name]=$html
  import_and_compare "$name.docx" "$docx" "$html" 0.97 || fail=1
  if [[ -s "$work/cmp/$name.docx/imported.xml" ]]; then
    "$python" "$here/check_xml.py" parties --label "$name.docx parties" "$f" "$work/cmp/$name.docx/imported.xml" || fail=1
    "$python" "$here/check_xml.py" matrix --label "$name.docx matrix" "$f" "$work/cmp/$name.docx/imported.xml" || fail=1
  fi
done
# The comparison itself must be able to fail: one agreement's page against another's import.
if [[ -n "${original_html[dalarna]:-}" && -n "$(find "$work/cmp/ostergotland.docx/html" -name '*.html' 2>/dev/null)" ]]; then
  if "$python" "$here/compare_pages.py" "${original_html[dalarna]}" "$(find "$work/cmp/ostergotland.docx/html" -name imported.html)" > /dev/null; then
    echo "FAIL: compare_pages.py accepted another agreement's imported page"
    fail=1
  else
    echo "ok: compare_pages.py rejects another agreement's imported page"
  fi
fi
if ((${#original_html[@]} < 4)); then
  echo "FAIL: only ${#original_html[@]} agreements were built (the example and at least 3 regional ones)"
  fail=1
fi

echo "== 2. DOCX and ODT written by pandoc and LibreOffice"
# The region names as content writes them: <region>Region Blekinge</region> in the example.
declare -A region=([exempel]=Blekinge [ostergotland]=Östergötland [dalarna]=Dalarna ["jamtland-harjedalen"]="Jämtland Härjedalen")
others=()
for name in exempel ostergotland dalarna jamtland-harjedalen; do
  html=${original_html[$name]:-}
  [[ -n "$html" ]] || { echo "FAIL: $name: no HTML page to start from (see 1.)"; fail=1; continue; }
  d="$work/other/$name"
  mkdir -p "$d"
  "$python" "$here/cut_main.py" "$html" "$d/main.html" || { fail=1; continue; }
  for fmt in docx odt; do
    if pandoc -f html -t "$fmt" "$d/main.html" -o "$d/$name.$fmt" 2> "$work/pandoc.err"; then
      others+=("$d/$name.$fmt")
    else
      echo "FAIL: pandoc -t $fmt for $name: $(head -n 3 "$work/pandoc.err")"; fail=1
    fi
  done
done
# LibreOffice, in one run per direction: the pandoc DOCX files to ODT, the pandoc ODT files
# to DOCX, all into other/lo (the names differ: exempel.odt, exempel.docx, ostergotland.odt...).
lo="$work/other/lo"
mkdir -p "$lo"
for conv in "docx odt" "odt docx"; do
  read -r from to <<< "$conv"
  inputs=()
  for f in "${others[@]}"; do [[ "$f" == *."$from" && "$f" != "$lo"/* ]] && inputs+=("$f"); done
  ((${#inputs[@]})) || continue
  timeout 180 "$soffice" -env:UserInstallation="file://$work/lo-profile" --headless --convert-to "$to" \
    --outdir "$lo" "${inputs[@]}" > "$work/lo.log" 2>&1
  for f in "${inputs[@]}"; do
    out="$lo/$(basename "${f%."$from"}").$to"
    if [[ -s "$out" ]]; then
      others+=("$out")
    else
      echo "FAIL: LibreOffice could not convert ${f#"$work/"} to $to:"; tail -n 3 "$work/lo.log"; fail=1
    fi
  done
done
n=0
for f in "${others[@]}"; do
  name=$(basename "${f%.*}")
  ext=${f##*.}
  if [[ "$f" == "$lo"/* ]]; then
    label="$name: LibreOffice $ext (from pandoc $([[ $ext == odt ]] && echo docx || echo odt))"
  else
    label="$name: pandoc $ext"
  fi
  import_and_compare "$label" "$f" "${original_html[$name]}" 0.95 --region "${region[$name]}" || fail=1
  n=$((n + 1))
done
((n == 16)) || { echo "FAIL: $n of 16 files from pandoc and LibreOffice were imported"; fail=1; }

echo "== 3. plain text: pdftotext -layout of okgen's PDF"
f="$src/content/ostergotland/regional.xml"
"$okgen" build -q --date "$date" --format pdf "$f" -o "$work/pdf" > "$work/build.log" 2>&1
pdf=$(find "$work/pdf" -name regional.pdf | head -n 1)
if [[ -z "$pdf" ]]; then
  echo "FAIL: okgen build --format pdf wrote no PDF of ${f#"$src/"}"; fail=1
elif ! pdftotext -layout "$pdf" "$work/pdf/regional.txt"; then
  echo "FAIL: pdftotext cannot read ${pdf#"$work/"}"; fail=1
else
  okimport "$work/pdf/regional.txt" "$work/pdf/imported.xml"
  rc=$?
  if ((rc != 0)) || [[ ! -s "$work/pdf/imported.xml" ]]; then
    echo "FAIL: okgen import of the pdftotext text exited $rc:"; head -n 5 "$work/import.err" | sed "s|$work/||g"; fail=1
  else
    "$okgen" check -q --date "$date" "$work/pdf/imported.xml" > "$work/check.log" 2>&1
    rc=$?
    if ((rc > 1)); then
      echo "FAIL: okgen check cannot load the imported text (exit $rc):"; grep error "$work/check.log" | head -n 5 | sed "s|$work/||g"; fail=1
    else
      echo "ok: okgen check loads the imported text (exit $rc)"
    fi
    "$python" "$here/check_xml.py" sections --min 10 "$work/pdf/imported.xml" | sed "s|$work/||g" || fail=1
  fi
fi

echo "== 4. Markdown"
md="$here/fixtures/avtal.md"
okimport "$md" "$work/md/avtal.xml"
rc=$?
if ((rc != 0)) || [[ ! -s "$work/md/avtal.xml" ]]; then
  echo "FAIL: okgen import of ${md#"$src/"} exited $rc:"; head -n 5 "$work/import.err"; fail=1
else
  echo "ok: ${md#"$src/"} imports (exit 0)"
  "$python" "$here/check_xml.py" markdown --label "${md#"$src/"}" "$md" "$work/md/avtal.xml" || fail=1
fi

echo "== 5. input import must refuse"
bad="$work/bad"
"$python" "$here/make_bad_inputs.py" "$bad" || { echo "FAIL: make_bad_inputs.py"; exit 1; }
# refuse FILE RULE EXIT: import must exit EXIT, name RULE on stderr and write nothing.
refuse() {
  local file=$1 rule=$2 want=$3 out
  out="$work/bad-out/$(basename "$1").xml"
  mkdir -p "$work/bad-out"
  okimport "$file" "$out" --region Kronoberg
  local rc=$?
  local problems=()
  ((rc == want)) || problems+=("exit $rc, not $want")
  grep -q "\[$rule\]" "$work/import.err" || problems+=("no [$rule] on stderr")
  [[ -e "$out" ]] && problems+=("the output file was written")
  local left
  left=$(find "$work/bad-out" -mindepth 1 -printf '%f ' | head -c 200)
  [[ -n "$left" ]] && problems+=("something was left in the output directory: $left")
  if ((${#problems[@]})); then
    echo "FAIL: $(basename "$file") ($rule): $(printf '%s; ' "${problems[@]}")"
    head -n 3 "$work/import.err" | sed "s|$work/||g; s/^/    /"
    return 1
  fi
  echo "ok: $(basename "$file"): exit $rc, [$rule], nothing written"
}
refuse "$bad/not-a-package.docx" import-not-a-package 1 || fail=1
refuse "$bad/agreement.pdf" import-unknown-format 1 || fail=1
refuse "$bad/latin1.txt" encoding 1 || fail=1
refuse "$bad/doctype.docx" xml-doctype 1 || fail=1
refuse "$bad/macros.docm" import-macros 1 || fail=1
refuse "$bad/bomb.docx" import-too-large 1 || fail=1
refuse "$bad/empty.docx" import-no-text 1 || fail=1
refuse "$bad/no-such-file.docx" file-unreadable 2 || fail=1

# No overwriting: a second import to the same file is refused and leaves it as it was;
# --force replaces it.
out="$work/exists/avtal.xml"
mkdir -p "$work/exists"
okimport "$bad/good.docx" "$out" --region Kronoberg
rc=$?
if ((rc != 0)) || [[ ! -s "$out" ]]; then
  echo "FAIL: good.docx: okgen import exited $rc:"; head -n 3 "$work/import.err" | sed "s|$work/||g"; fail=1
else
  cp "$out" "$work/exists/first.xml"
  okimport "$md" "$out"
  rc=$?
  if ((rc == 1)) && grep -q '\[import-exists\]' "$work/import.err" && cmp -s "$out" "$work/exists/first.xml"; then
    echo "ok: a second import to the same file: exit 1, [import-exists], file unchanged"
  else
    echo "FAIL: a second import to the same file: exit $rc, $(grep -o '\[[a-z-]*\]' "$work/import.err" | head -n 1), file $(cmp -s "$out" "$work/exists/first.xml" && echo unchanged || echo CHANGED)"
    fail=1
  fi
  okimport "$md" "$out" --force
  rc=$?
  if ((rc == 0)) && grep -q 'Region Gävleborg' "$out"; then
    echo "ok: --force replaces it (exit 0)"
  else
    echo "FAIL: --force: exit $rc, file $(grep -q 'Region Gävleborg' "$out" && echo replaced || echo 'not replaced')"
    head -n 3 "$work/import.err" | sed "s|$work/||g"
    fail=1
  fi
fi

exit $fail
