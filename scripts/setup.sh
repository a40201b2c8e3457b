#!/usr/bin/env bash
# Set up a fresh machine: Debian packages the tests need (when missing) and a
# virtual environment with diplograph and its dependencies. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

want_apt=()
if [ "${DIPLOGRAPH_SKIP_APT:-0}" != "1" ]; then
  command -v chromium >/dev/null 2>&1 || want_apt+=(chromium)
  command -v virtuoso-t >/dev/null 2>&1 || want_apt+=(virtuoso-opensource)
  # a font with Arabic glyphs for the page's screenshots in headless chromium
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || want_apt+=(fonts-dejavu-core)
fi
if [ "${#want_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing Debian packages: ${want_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${want_apt[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages: ${want_apt[*]} (tests that need them will say so)" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
echo "setup: ready (.venv)"
