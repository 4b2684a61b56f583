#!/usr/bin/env bash
# Makes sure a Chromium and CJK fonts are present for the crawler, the screenshots and the browser tests.
# As root on Debian/Ubuntu it installs them with apt; elsewhere it says what to install.
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

if have_browser && have_cjk_fonts; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "govscore: installing Debian's chromium and fonts-noto-cjk (apt-get)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  exit 0
fi

cat >&2 <<'MSG'
govscore needs a Chromium browser and Chinese fonts.
  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk
  elsewhere:      install Chrome or Chromium and a CJK font, then
                  export PUPPETEER_EXECUTABLE_PATH=/path/to/chrome
MSG
have_browser || exit 1
