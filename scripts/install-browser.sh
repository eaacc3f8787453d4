#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report browser test (test/io-report-browser.test.ts).
# The test drives /usr/bin/chromium through playwright-core; no browser build is downloaded.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "install-browser: /usr/bin/chromium already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-browser: must run as root (or with sudo) to apt-get install chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
echo "install-browser: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
