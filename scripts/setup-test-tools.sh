#!/usr/bin/env bash
# Installs the system tools the tests need (LibreOffice, Chromium, CJK and Calibri-metric fonts,
# xmllint, pdftoppm, openpyxl for /usr/bin/python3).
# As root it installs what is missing with apt-get; otherwise it names the missing packages and fails.
set -euo pipefail
declare -A need=(
  [libreoffice-calc]=/usr/bin/soffice
  [chromium]=/usr/bin/chromium
  [fonts-noto-cjk]=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  [libxml2-utils]=/usr/bin/xmllint
  [poppler-utils]=/usr/bin/pdftoppm
  # openpyxl and Writer write the foreign packages the reading and schema tests check
  [python3-openpyxl]=/usr/lib/python3/dist-packages/openpyxl
  [libreoffice-writer]=/usr/lib/libreoffice/program/swriter
  # Calibri's metric twin, so LibreOffice lays out and prints pages the way Excel does
  [fonts-crosextra-carlito]=/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf
)
missing=()
for pkg in "${!need[@]}"; do
  [ -e "${need[$pkg]}" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "setup: the tests need these Debian packages, which are missing: ${missing[*]}" >&2
echo "setup: install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
exit 1
