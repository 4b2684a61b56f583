#!/usr/bin/env bash
# Makes sure a Chromium and CJK fonts are present for the crawler, the screenshots and the browser tests, and
# TrueType copies of the CJK fonts for the PDFs (reports/print-fonts.ts: Chromium embeds only TrueType outlines;
# Noto CJK's CFF ones print as Type 3 glyph drawings). As root on Debian/Ubuntu it installs them with apt and
# converts the fonts (scripts/truetype-cjk-fonts.py, about 2 minutes once on 2 cores); elsewhere it says what to install.
set -euo pipefail

have_browser() {
  [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "$PUPPETEER_EXECUTABLE_PATH" ] && return 0
  for b in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
    [ -x "$b" ] && return 0
  done
  return 1
}
have_cjk_fonts() {
  command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .
}

# The headless shell is optional: crawls use it when present (a quarter less CPU a page), Chromium otherwise.
have_headless_shell() {
  [ -x /usr/bin/chromium-headless-shell ] || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ]
}

# reports/print-fonts.ts reads them from here.
print_fonts=/usr/local/share/govscore/fonts
have_print_fonts() {
  for face in NotoSansCJKsc-Regular NotoSansCJKsc-Bold NotoSerifCJKsc-Regular NotoSerifCJKsc-Bold; do
    [ -s "$print_fonts/$face.ttf" ] || return 1
  done
}

if have_browser && have_cjk_fonts && have_headless_shell && have_print_fonts; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "govscore: installing Debian's chromium, chromium-headless-shell and fonts-noto-cjk (apt-get)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  # Older releases have no such package: Chromium alone does the same work.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium-headless-shell >/dev/null 2>&1 ||
    echo "govscore: chromium-headless-shell not available; crawls run in chromium --headless" >&2
  if ! have_print_fonts; then
    echo "govscore: converting the Noto CJK fonts to TrueType for the PDFs (python3-fonttools)…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-fonttools >/dev/null
    /usr/bin/python3 "$(dirname "$0")/truetype-cjk-fonts.py" "$print_fonts"
  fi
  exit 0
fi
if have_browser && have_cjk_fonts; then
  have_print_fonts || echo "govscore: no TrueType CJK fonts in $print_fonts: PDFs print their Chinese as Type 3 glyph drawings (run this script as root once)" >&2
  exit 0
fi

cat >&2 <<'MSG'
govscore needs a Chromium browser and Chinese fonts.
  Debian/Ubuntu:  sudo bash scripts/ensure-browser.sh   (chromium, fonts-noto-cjk, and their TrueType copies for the PDFs)
  elsewhere:      install Chrome or Chromium and a CJK font, then
                  export PUPPETEER_EXECUTABLE_PATH=/path/to/chrome
MSG
have_browser || exit 1
