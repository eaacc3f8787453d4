#!/usr/bin/env bash
# Executes examples/evaluate.ipynb headlessly (jupyter nbconvert --execute) with
# Debian's /usr/bin/python3, writing the executed copy to
# test-artifacts/evaluate.ipynb. Exits non-zero when any cell raises.
# Needs: scripts/install-notebook-deps.sh (as root), node, and the built CLI
# (built here first unless SKIP_BUILD=1 and dist/cli.js exists).
# PT_EVAL_ARGS is passed on to `practice-themes eval` (e.g. "--model FILE").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python=/usr/bin/python3

if ! "$python" -c 'import nbconvert, ipykernel, pandas, matplotlib' 2>/dev/null; then
  echo "run-notebook.sh: $python lacks nbconvert/ipykernel/pandas/matplotlib; run scripts/install-notebook-deps.sh as root" >&2
  exit 1
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
