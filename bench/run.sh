#!/usr/bin/env bash
# okgen benchmark: builds okgen_bench in Release mode, generates the national synthetic
# corpus (21 regional agreements of about 25 pages, 290 local ones) and measures
#   - one regional agreement: load+compose, HTML, PDF (median of 25, in one process)
#   - `okgen check` and `okgen build` (HTML + PDF) over the whole corpus: wall time, peak memory
#   - whole processes as a user runs them, beside a naive cmark + libharu program on the same
#     text (bench/whole_process.sh, bench/naive_pdf.cc)
#   - the same content through pandoc: HTML, and PDF through groff (ms) and WeasyPrint
# Figures go to stdout; bench/README.md records them with the machine they came from.
# Usage: bench/run.sh [WORKDIR]   (default /tmp/okgen-bench). Needs root for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/okgen-bench}
scripts/setup-debian.sh
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pandoc groff weasyprint time hyperfine bc poppler-utils >/dev/null 2>&1 || \
  echo "bench: pandoc/groff/weasyprint not installed; pandoc comparison skipped"

# typst for the whole-process table (bench/typst, from the npm registry): optional.
if command -v npm >/dev/null; then
  (cd bench/typst && npm ci --no-audit --no-fund >/dev/null 2>&1) || echo "bench: typst (bench/typst) not installed; its rows are skipped"
fi
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DOKGEN_BUILD_BENCH=ON -DOKGEN_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
rm -rf "$work" && mkdir -p "$work"
export OKGEN_CACHE_DIR="$work/cache"  # hyphenation images and build states of this run only
build-bench/bench/okgen_bench corpus "$work"

echo "== in-process timings"
build-bench/bench/okgen_bench time "$work"

echo "== okgen diff"
build-bench/bench/okgen_bench diff "$work/diff"

echo "== okgen import (a 30-page Word document)"
build-bench/bench/okgen_bench import "$work/import"
/usr/bin/time -f "okgen import of that DOCX, whole process: %e s, %M KB" build-bench/okgen import "$work/import/agreement.docx" \
  --region Dalarna -o "$work/import/cli.xml" --force --date 2026-11-23 2>&1 >/dev/null | tail -1

echo "== command line, whole corpus (wall time, peak memory)"
find "$work/content" -mindepth 2 -maxdepth 2 -name local -type d -exec rm -rf {} +
start=$(date +%s.%N)
cut -f1 data/municipalities.tsv | tail -n +2 | sort -u | while read -r region; do
  build-bench/okgen local init --region "$region" --all --content "$work/content" --date 2026-11-23 >/dev/null
done
echo "okgen local init --all, 21 regions (290 municipalities), 21 processes: $(echo "$(date +%s.%N) - $start" | bc) s"
/usr/bin/time -f "okgen check: %e s, %M KB" build-bench/okgen check -q "$work/content" 2>&1 >/dev/null | tail -1
/usr/bin/time -f "okgen build (HTML+PDF): %e s, %M KB" build-bench/okgen build -q "$work/content" -o "$work/out" 2>&1 >/dev/null | tail -1
# Incremental: the same build again after one local agreement changed (docs/incremental-build.md).
falun="$work/content/dalarna/local/falun.xml"
sed -i 's|<prompt>Hur genomfördes arbetet?</prompt>|<body>Arbetet gjordes i en arbetsgrupp under hösten.</body>|' "$falun"
/usr/bin/time -f "okgen build again, one local file changed (incremental): %e s, %M KB" build-bench/okgen build -q "$work/content" -o "$work/out" 2>&1 >/dev/null | tail -1
/usr/bin/time -f "okgen build again, nothing changed: %e s, %M KB" build-bench/okgen build -q "$work/content" -o "$work/out" 2>&1 >/dev/null | tail -1
/usr/bin/time -f "okgen build --full (the same, everything made again): %e s, %M KB" build-bench/okgen build -q --full "$work/content" -o "$work/out" 2>&1 >/dev/null | tail -1
/usr/bin/time -f "okgen build (HTML only): %e s, %M KB" build-bench/okgen build -q --format html "$work/content" -o "$work/out-html" 2>&1 >/dev/null | tail -1
echo "PDF of one regional agreement: $(stat -c %s "$work/out/dalarna/regional.pdf") bytes, $(pdfinfo "$work/out/dalarna/regional.pdf" 2>/dev/null | awk '/Pages/ {print $2}') pages"

echo "== whole processes beside a naive cmark + libharu program (bench/whole_process.sh)"
bash bench/whole_process.sh build-bench "$work" "$work/whole-process" || echo "bench: whole-process table not measured"

echo "== okgen serve: from a save to the page (bench/serve_latency.py)"
python3 bench/serve_latency.py build-bench/okgen "$work/content" dalarna/regional.xml dalarna/local/falun.xml 21 || \
  echo "bench: serve latency not measured"

if command -v pandoc >/dev/null; then
  echo "== the same agreement through pandoc (okgen's HTML of Region Dalarna's agreement as input)"
  html="$work/out/dalarna/regional.html"
  xml="$work/content/dalarna/regional.xml"
  secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
  size() { [ -f "$1" ] && stat -c %s "$1" || echo "-"; }
  echo "okgen, HTML + PDF, whole process: $(secs build-bench/okgen build -q "$xml" -o "$work/one") s, PDF $(size "$work/one/dalarna/regional.pdf") bytes"
  echo "okgen, PDF only, whole process:   $(secs build-bench/okgen build -q --format pdf "$xml" -o "$work/one-pdf") s"
  echo "pandoc HTML -> HTML:              $(secs pandoc "$html" -s -o "$work/pandoc.html") s"
  if command -v groff >/dev/null; then
    echo "pandoc -> ms -> groff PDF:        $(secs bash -c "pandoc '$html' -t ms -o '$work/pandoc.ms' && groff -ms -Tpdf -k '$work/pandoc.ms' > '$work/pandoc-groff.pdf'") s, $(size "$work/pandoc-groff.pdf") bytes"
  fi
  if command -v weasyprint >/dev/null; then
    echo "pandoc -> PDF via WeasyPrint:     $(secs pandoc "$html" --pdf-engine=weasyprint -o "$work/pandoc-weasy.pdf") s, $(size "$work/pandoc-weasy.pdf") bytes"
    echo "WeasyPrint on okgen's HTML:       $(secs weasyprint "$html" "$work/weasy.pdf") s, $(size "$work/weasy.pdf") bytes"
  fi
fi
