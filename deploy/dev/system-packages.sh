#!/usr/bin/env bash
# Debian packages the project needs beside Python, Java and Maven:
#   chromium             headless browser for the officer console's browser tests
#   fonts-wqy-zenhei     a CJK font, so reports (PDF) and the console render Chinese text
#   fonts-wqy-microhei
#   gcc                  the C compiler mypyc's output is built with (setup.py)
# Installs what is missing when run as root; otherwise names the command to run and fails.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v gcc >/dev/null || missing+=(gcc)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "[system] missing Debian packages: ${missing[*]}" >&2
  echo "[system] install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "[system] installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
