#!/usr/bin/env bash
# Debian packages make needs: `fonts` (Noto CJK, so the Chinese labs' plots
# have glyphs; the build fails on matplotlib's missing-glyph warnings),
# `words` (the English, Polish, German and Serbian word lists with which
# docsite/english.py finds English in translations) and `browser CHROMIUM`
# (Chromium for the browser tests).
set -euo pipefail
what=$1
chromium=${2:-/usr/bin/chromium}
case $what in
  fonts) packages="fonts-noto-cjk fontconfig"
         ready() { fc-list 2>/dev/null | grep "Noto Sans CJK SC" >/dev/null; } ;;
  words) packages="wamerican wpolish wngerman hunspell-sr"
         ready() { [ -f /usr/share/dict/american-english ] &&
                   [ -f /usr/share/dict/polish ] &&
                   [ -f /usr/share/dict/ngerman ] &&
                   [ -f /usr/share/hunspell/sr_Latn_RS.dic ]; } ;;
  browser) packages="chromium"
           ready() { [ -x "$chromium" ]; } ;;
  *) echo "usage: $0 fonts|words|browser [chromium-path]" >&2; exit 2 ;;
esac
ready && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's $packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  ready && exit 0
fi
echo "error: make needs the Debian packages '$packages' (for $what)." >&2
echo "Install them: sudo apt-get install $packages" >&2
[ "$what" = browser ] && echo "or use another binary: make test CHROMIUM=/path" >&2
exit 1
