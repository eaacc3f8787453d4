// Cross-checks evaluate() against an independent implementation: scikit-learn,
// run with the Python that has it: $PYTHON, python3 on PATH, or Debian's (scripts/install-notebook-deps.sh
// installs python3-sklearn).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/eval/metrics';
import { mulberry32 } from '../src/nb/random';
import { findPython } from './helpers/python';

const FOUND = findPython(['sklearn', 'numpy']);
const PYTHON = FOUND ?? '/usr/bin/python3';
const hasSklearn = FOUND !== undefined;
const SKIP_MESSAGE = `no Python with sklearn ($PYTHON, python3 on PATH, /usr/bin/python3): install python3-sklearn (scripts/install-notebook-deps.sh) to run this cross-check`;
if (!hasSklearn) console.warn(`eval-sklearn.test.ts skipped: ${SKIP_MESSAGE}`);

const SCRIPT = `
import json, sys, warnings
import numpy as np
from sklearn.metrics import precision_recall_fscore_support, cohen_kappa_score, hamming_loss, accuracy_score
warnings.simplefilter('ignore')
data = json.load(open(sys.argv[1]))
themes = data['themes']
Y = np.array([[t in u for t in themes] for u in data['gold']], dtype=int)
P = np.array([[t in u for t in themes] for u in data['predicted']], dtype=int)
p, r, f, s = precision_recall_fscore_support(Y, P, average=None, labels=list(range(len(themes))), zero_division=0)
out = {'perTheme': [], 'hamming': float(hamming_loss(Y, P)), 'exact': float(accuracy_score(Y, P))}
for i in range(len(themes)):
    k = cohen_kappa_score(Y[:, i], P[:, i])
    out['perTheme'].append({'precision': float(p[i]), 'recall': float(r[i]), 'f1': float(f[i]), 'support': int(s[i]),
                            'kappa': None if np.isnan(k) else float(k)})
for avg in ('micro', 'macro'):
    ap, ar, af, _ = precision_recall_fscore_support(Y, P, average=avg, zero_division=0)
    out[avg] = {'precision': float(ap), 'recall': float(ar), 'f1': float(af)}
print(json.dumps(out))
`;

interface SklearnOut {
  perTheme: { precision: number; recall: number; f1: number; support: number; kappa: number | null }[];
  micro: { precision: number; recall: number; f1: number };
  macro: { precision: number; recall: number; f1: number };
  hamming: number;
  exact: number;
}

function sklearn(themes: string[], gold: string[][], predicted: string[][]): SklearnOut {
  const dir = mkdtempSync(join(tmpdir(), 'eval-sklearn-'));
  try {
    const file = join(dir, 'labels.json');
    writeFileSync(file, JSON.stringify({ themes, gold, predicted }));
    const result = spawnSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`python failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as SklearnOut;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Random labellings with a common theme, a rare one, one nobody carries, and one always predicted.
function randomCase(seed: number, units: number): { themes: string[]; gold: string[][]; predicted: string[][] } {
  const random = mulberry32(seed);
  const themes = ['common', 'rare', 'unused', 'always'];
  const rates: Record<string, [number, number]> = { common: [0.5, 0.7], rare: [0.05, 0.4], unused: [0, 0], always: [0.3, 1] };
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (let i = 0; i < units; i++) {
    const g = themes.filter((t) => random() < rates[t]![0]);
    // Predictions agree with gold at the theme's rate, else flip.
    const p = themes.filter((t) => (t === 'always' ? true : random() < rates[t]![1] ? g.includes(t) : !g.includes(t) && t !== 'unused'));
    gold.push(g);
    predicted.push(p);
  }
  return { themes, gold, predicted };
}

// In CI (CI=true) .ci/run installs sklearn, so its absence fails instead of skipping.
describe.skipIf(!hasSklearn && process.env.CI !== 'true')(`evaluate agrees with scikit-learn${hasSklearn ? '' : ` (skipped: ${SKIP_MESSAGE})`}`, () => {
  it.each([
    [1, 200],
    [2, 37],
    [3, 5],
  ])('seed %i, %i units', (seed, units) => {
    const { themes, gold, predicted } = randomCase(seed, units);
    const ours = evaluate(
      gold.map((t, i) => ({ id: String(i), themes: t })),
      predicted.map((t, i) => ({ id: String(i), themes: t })),
      { themes },
    );
    const theirs = sklearn(themes, gold, predicted);
    theirs.perTheme.forEach((expected, t) => {
      const got = ours.perTheme[t]!;
      expect(got.precision).toBeCloseTo(expected.precision, 12);
      expect(got.recall).toBeCloseTo(expected.recall, 12);
      expect(got.f1).toBeCloseTo(expected.f1, 12);
      expect(got.support).toBe(expected.support);
      if (expected.kappa === null) expect(got.agreement.kappa).toBeNull();
      else expect(got.agreement.kappa).toBeCloseTo(expected.kappa, 12);
    });
    for (const avg of ['micro', 'macro'] as const) {
      expect(ours[avg].precision).toBeCloseTo(theirs[avg].precision, 12);
      expect(ours[avg].recall).toBeCloseTo(theirs[avg].recall, 12);
      expect(ours[avg].f1).toBeCloseTo(theirs[avg].f1, 12);
    }
    expect(ours.hammingLoss).toBeCloseTo(theirs.hamming, 12);
    expect(ours.exactMatch).toBeCloseTo(theirs.exact, 12);
  });
});
