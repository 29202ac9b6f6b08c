#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm install`, not `npm ci`: npm 11 with omit-lockfile-registry-resolved (as set on our machines)
# reports the lock file "out of sync" for other platforms' optional binaries and refuses `npm ci`;
# `npm install` installs exactly the locked versions and leaves the lock file unchanged.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[install] npm install" >&2
  npm install --no-audit --no-fund >&2
fi
# poppler-utils (pdftotext, pdftoppm): the tests render dossier and filing PDFs to text and PNG
# to check that Chinese is really there. Installed only when missing, as root, from Debian.
if ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[install] apt-get install poppler-utils" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    echo "[install] poppler-utils (pdftoppm, pdftotext) is missing: install it (apt-get install poppler-utils) to run the PDF tests" >&2
  fi
fi
# Chromium (driven by playwright-core in test/console/) and a CJK font, so the console's Chinese
# renders in the screenshots the browser tests keep. Debian's build: playwright's own browser
# download is not used (and cannot be reached from CI). Installed only when missing, as root.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk'; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[install] apt-get install chromium fonts-wqy-microhei" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    echo "[install] chromium is missing: install it (apt-get install chromium fonts-wqy-microhei) to run the console browser tests" >&2
  fi
fi
