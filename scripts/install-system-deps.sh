#!/usr/bin/env bash
# Debian packages the full test suite needs, installed as root (CI runs as root):
#   chromium                       HTML report browser test (driven by playwright-core)
#   jupyter-nbconvert, python3-*   executing examples/evaluate.ipynb headlessly
#   python3-sklearn                cross-checking the metrics against an independent implementation
# Everything comes from Debian's registry; no browser or toolchain is downloaded.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-browser.sh"
if [ -x "$here/install-notebook-deps.sh" ] || [ -f "$here/install-notebook-deps.sh" ]; then
  bash "$here/install-notebook-deps.sh"
fi
