#!/usr/bin/env bash
# Whole processes, as a user runs them (issue 16): okgen's commands beside a naive
# cmark + libharu program (bench/naive_pdf.cc) on the same text, measured in one run with
# hyperfine, then the national batch beside the naive program on the same agreements.
#
#   bench/whole_process.sh BUILD_DIR CORPUS_DIR [OUT_DIR]
#
# BUILD_DIR holds okgen and bench/naive_pdf (bench/run.sh builds them in Release mode);
# CORPUS_DIR is the national synthetic corpus (`okgen_bench corpus` + `local init`, as
# bench/run.sh makes it). The naive program reads Markdown: pandoc makes it from okgen's own
# HTML of each agreement, so both set the same words. typst sets the same Markdown turned into
# Typst (bench/md_to_typst.py). The typst CLI is neither in Debian nor on npm without a
# download from GitHub; typst 0.14 comes from npm as the typst.ts Node addon
# (bench/typst: `npm ci` there, as bench/run.sh does), so its time includes Node's start.
# Without node or that folder's packages the typst rows are left out, and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "$1" && pwd)
corpus=$(cd "$2" && pwd)
out=${3:-/tmp/okgen-whole-process}
okgen="$build/okgen"
naive="$build/bench/naive_pdf"
for tool in hyperfine pandoc pdfinfo; do
  command -v "$tool" >/dev/null || { echo "whole_process: $tool is not installed (apt-get install hyperfine pandoc poppler-utils)"; exit 1; }
done
[[ -x "$naive" ]] || { echo "whole_process: $naive is missing (build with -DOKGEN_BUILD_BENCH=ON)"; exit 1; }
font=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
bold=/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf
rm -rf "$out" && mkdir -p "$out/md" "$out/naive" "$out/one"
export OKGEN_CACHE_DIR="$out/cache"

small=content/dalarna/regional.xml                 # Region Dalarna's agreement, 14 pages
large="$corpus/content/dalarna/regional.xml"       # the bench agreement, about 26 pages
"$okgen" build -q --format html,pdf "$small" -o "$out/small" >/dev/null 2>&1 || true
"$okgen" build -q --format html,pdf "$large" -o "$out/large" >/dev/null 2>&1 || true
pandoc -f html -t commonmark "$out/small/dalarna/regional.html" -o "$out/md/small.md"
pandoc -f html -t commonmark "$out/large/dalarna/regional.html" -o "$out/md/large.md"
"$naive" "$font" "$bold" "$out/naive" "$out/md/small.md" "$out/md/large.md"
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
typst_run=()
typst_js="$PWD/bench/typst/typst_pdf.mjs"
fonts=$(dirname "$font")
if command -v node >/dev/null && [[ -d bench/typst/node_modules/@myriaddreamin/typst-ts-node-compiler ]]; then
  mkdir -p "$out/typst"
  python3 bench/md_to_typst.py "$out/md/small.md" > "$out/typst/small.typ"
  python3 bench/md_to_typst.py "$out/md/large.md" > "$out/typst/large.typ"
  node "$typst_js" "$out/typst/small.typ" "$out/typst/small.pdf" "$fonts"
  node "$typst_js" "$out/typst/large.typ" "$out/typst/large.pdf" "$fonts"
  typst_run=(-n "typst 0.14 (typst.ts in Node), Dalarna ($(pages "$out/typst/small.pdf") pages)"
             "node $typst_js $out/typst/small.typ $out/typst/small.pdf $fonts"
             -n "typst 0.14 (typst.ts in Node), bench agreement ($(pages "$out/typst/large.pdf") pages)"
             "node $typst_js $out/typst/large.typ $out/typst/large.pdf $fonts")
else
  echo "whole_process: typst skipped (needs node and \`npm ci\` in bench/typst)"
fi

echo "== one command at a time (hyperfine, whole processes, same run)"
hyperfine -N -w 3 -r 30 --export-markdown "$out/table.md" \
  -n "okgen --version" "$okgen --version" \
  -n "okgen check, the example" "$okgen check -q --date 2026-11-23 docs/examples/exempel.xml" \
  -n "okgen check, Dalarna" "$okgen check -q --date 2026-11-23 $small" \
  -n "okgen build --format html, Dalarna" "$okgen build -q --full --format html $small -o $out/one" \
  -n "okgen build --format pdf, Dalarna ($(pages "$out/small/dalarna/regional.pdf") pages)" "$okgen build -q --full --format pdf $small -o $out/one" \
  -n "naive cmark + libharu, Dalarna ($(pages "$out/naive/small.pdf") pages)" "$naive $font $bold $out/naive $out/md/small.md" \
  -n "okgen build --format pdf, bench agreement ($(pages "$out/large/dalarna/regional.pdf") pages)" "$okgen build -q --full --format pdf $large -o $out/one" \
  -n "naive cmark + libharu, bench agreement ($(pages "$out/naive/large.pdf") pages)" "$naive $font $bold $out/naive $out/md/large.md" \
  "${typst_run[@]}" \
  >/dev/null 2>&1 || true
cat "$out/table.md"

echo
echo "== the national batch, HTML + PDF, beside the naive program on the same agreements"
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$out/okgen.mem" "$okgen" build -q --full "$corpus/content" -o "$out/batch" >/dev/null 2>&1 || true
okgen_secs=$(echo "$(date +%s.%N) - $start" | bc)
okgen_pages=0
mapfile -t pdfs < <(find "$out/batch" -name '*.pdf' | sort)
for f in "${pdfs[@]}"; do okgen_pages=$((okgen_pages + $(pages "$f"))); done
# The naive program gets each agreement's text as Markdown from okgen's HTML (the local
# agreements in their consolidated form, the whole text a municipality publishes).
mapfile -t htmls < <(find "$out/batch" -name '*.html' ! -name 'index.html' ! -name '*-kommuner.html' ! -name '*-konsoliderad.html' | sort)
mkdir -p "$out/batch-md" "$out/batch-naive"
for h in "${htmls[@]}"; do
  consolidated="${h%.html}-konsoliderad.html"
  [[ -f "$consolidated" ]] && h="$consolidated"
  name=$(echo "${h#"$out/batch/"}" | tr '/' '_')
  pandoc -f html -t commonmark "$h" -o "$out/batch-md/${name%.html}.md"
done
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$out/naive.mem" "$naive" "$font" "$bold" "$out/batch-naive" "$out/batch-md"/*.md
naive_secs=$(echo "$(date +%s.%N) - $start" | bc)
naive_pages=0
for f in "$out/batch-naive"/*.pdf; do naive_pages=$((naive_pages + $(pages "$f"))); done
okgen_rate=$(echo "scale=1; $okgen_pages / $okgen_secs" | bc)
naive_rate=$(echo "scale=1; $naive_pages / $naive_secs" | bc)
echo "okgen build (HTML + PDF): ${#pdfs[@]} PDFs, $okgen_pages pages, $okgen_secs s, $(cat "$out/okgen.mem") KB peak: $okgen_rate pages/s"
echo "naive cmark + libharu (PDF only): $(ls "$out/batch-naive" | wc -l) PDFs, $naive_pages pages, $naive_secs s, $(cat "$out/naive.mem") KB peak: $naive_rate pages/s"
echo "okgen per page: $(echo "scale=2; $okgen_rate / $naive_rate" | bc) x the naive program's speed"
