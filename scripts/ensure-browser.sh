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

# The headless shell is optional: crawls use it when present (a quarter less CPU a page), Chromium otherwise.
have_headless_shell() {
  [ -x /usr/bin/chromium-headless-shell ] || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ]
}

if have_browser && have_cjk_fonts && have_headless_shell; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "govscore: installing Debian's chromium, chromium-headless-shell and fonts-noto-cjk (apt-get)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  # Older releases have no such package: Chromium alone does the same work.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium-headless-shell >/dev/null 2>&1 ||
    echo "govscore: chromium-headless-shell not available; crawls run in chromium --headless" >&2
  exit 0
fi
have_browser && have_cjk_fonts && exit 0

cat >&2 <<'MSG'
govscore needs a Chromium browser and Chinese fonts.
  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk
  elsewhere:      install Chrome or Chromium and a CJK font, then
                  export PUPPETEER_EXECUTABLE_PATH=/path/to/chrome
MSG
have_browser || exit 1
