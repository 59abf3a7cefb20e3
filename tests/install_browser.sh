#!/usr/bin/env bash
# Make sure Debian's Chromium (and CJK fonts) are there for the browser tests.
set -euo pipefail
chromium=${1:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    chromium fonts-noto-cjk >/dev/null
  [ -x "$chromium" ] && exit 0
fi
echo "error: the browser tests need Chromium at $chromium." >&2
echo "Install it (Debian: sudo apt-get install chromium fonts-noto-cjk)" >&2
echo "or point make at another binary: make test CHROMIUM=/path/to/chromium" >&2
exit 1
