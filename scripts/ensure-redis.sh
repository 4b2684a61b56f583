#!/usr/bin/env bash
# Makes sure redis-server is installed: the queue tests start their own on a free port, and a distributed
# run needs one. As root on Debian/Ubuntu it installs Debian's redis-server; elsewhere it says what to do.
set -euo pipefail
command -v redis-server >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "govscore: installing Debian's redis-server (apt-get)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  exit 0
fi
echo "govscore: the queue tests need redis-server (Debian/Ubuntu: sudo apt-get install -y redis-server)" >&2
exit 1
