#!/usr/bin/env bash
# Installs what okgen needs on Debian 12 (bookworm). Run as root (or with sudo available).
#   scripts/setup-debian.sh          build and run okgen
#   scripts/setup-debian.sh --tests  also what the tests need (Chromium, Node.js, xmllint, clang
#                                    and libFuzzer for the sanitizer build and the fuzz targets)
#   scripts/setup-debian.sh --fuzz   what scripts/fuzz.sh needs (clang, libFuzzer)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libpugixml-dev libcmark-dev libmstch-dev libboost-dev libcli11-dev nlohmann-json3-dev
  libhpdf-dev libharfbuzz-dev libdeflate-dev libjemalloc-dev libhyphen-dev hyphen-sv libstemmer-dev libzip-dev libpcre2-dev libcpp-httplib-dev fonts-liberation2 fonts-dejavu-core
  icc-profiles-free
)
if [[ "${1:-}" == "--tests" || "${1:-}" == "--fuzz" ]]; then
  packages+=(clang-14 libfuzzer-14-dev)
fi
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(catch2 libxml2-utils chromium poppler-utils qpdf libqpdf-dev python3 python3-pikepdf python3-icalendar pandoc python3-docx libreoffice-writer-nogui curl)
  # Node.js may come from elsewhere (NodeSource bundles npm and conflicts with Debian's npm).
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "okgen setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
