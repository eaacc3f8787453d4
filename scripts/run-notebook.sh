#!/usr/bin/env bash
# Executes examples/evaluate.ipynb headlessly (jupyter nbconvert --execute), writing the
# executed copy to test-artifacts/evaluate.ipynb. Exits non-zero when any cell raises.
# Python: $PYTHON when set (used as given), else python3 on PATH (your venv or conda
# environment) when it has the notebook packages, else Debian's /usr/bin/python3.
# `run-notebook.sh --which-python` prints the one it would use and exits.
# Needs: nbconvert, ipykernel, pandas, matplotlib in that Python (Debian:
# scripts/install-notebook-deps.sh as root), node, and the built CLI (built here first
# unless SKIP_BUILD=1 and dist/cli.js exists).
# PT_EVAL_ARGS is passed on to `practice-themes eval` (e.g. "--model FILE").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
needs='import nbconvert, ipykernel, pandas, matplotlib'

if [ -n "${PYTHON:-}" ]; then
  python="$PYTHON"
else
  python=/usr/bin/python3
  on_path="$(command -v python3 || true)"
  if [ -n "$on_path" ] && "$on_path" -c "$needs" 2>/dev/null; then python="$on_path"; fi
fi
if ! "$python" -c "$needs" 2>/dev/null; then
  echo "run-notebook.sh: $python lacks nbconvert/ipykernel/pandas/matplotlib: install them there (pip install nbconvert ipykernel pandas matplotlib), point PYTHON at a Python that has them, or run scripts/install-notebook-deps.sh as root" >&2
  exit 1
fi
if [ "${1:-}" = --which-python ]; then
  echo "$python"
  exit 0
fi
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f dist/cli.js ]; then
  npm run --silent build
fi

mkdir -p test-artifacts
# MPLBACKEND: no display here; the notebook's %matplotlib inline still embeds PNGs.
MPLBACKEND=Agg PYDEVD_DISABLE_FILE_VALIDATION=1 "$python" -m nbconvert \
  --to notebook --execute examples/evaluate.ipynb \
  --ExecutePreprocessor.kernel_name=python3 \
  --ExecutePreprocessor.timeout=900 \
  --output-dir test-artifacts --output evaluate.ipynb
"$python" - <<'PY'
import json, sys
nb = json.load(open('test-artifacts/evaluate.ipynb'))
errors = [o for c in nb['cells'] if c['cell_type'] == 'code' for o in c.get('outputs', []) if o.get('output_type') == 'error']
images = sum('image/png' in o.get('data', {}) for c in nb['cells'] for o in c.get('outputs', []))
if errors:
    sys.exit(f"run-notebook.sh: {len(errors)} cell(s) raised: {errors[0].get('ename')}: {errors[0].get('evalue')}")
if images < 1:
    sys.exit('run-notebook.sh: the notebook drew no chart')
print(f'run-notebook.sh: executed examples/evaluate.ipynb -> test-artifacts/evaluate.ipynb ({images} chart(s))')
PY
