#!/usr/bin/env bash
# Debian packages for executing examples/evaluate.ipynb headlessly and for the
# metrics cross-check against scikit-learn (test/eval-sklearn.test.ts). Run as root.
#   jupyter-core, jupyter-nbconvert   the `jupyter nbconvert --execute` runner
#   python3-ipykernel                 the python3 kernel the notebook runs in
#   python3-pandas, python3-matplotlib  the notebook's table and bar chart
#   python3-sklearn                   independent precision/recall/F1 and kappa
# Everything comes from Debian's registry and runs with Debian's /usr/bin/python3.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "install-notebook-deps.sh: run as root (it calls apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  jupyter-core jupyter-nbconvert python3-ipykernel \
  python3-pandas python3-matplotlib python3-sklearn
/usr/bin/python3 -c 'import pandas, matplotlib, sklearn, ipykernel, nbconvert; print("notebook dependencies ok")'
