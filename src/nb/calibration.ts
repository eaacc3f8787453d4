/**
 * Platt scaling of naive Bayes log-odds. NB's independence assumption counts
 * correlated words as separate evidence, so its raw probabilities are far too
 * confident (on the default corpus most out-of-fold passage scores are below
 * 0.001 or above 0.999). Fitting p = logistic(scale * logOdds + shift) per label
 * on OUT-OF-FOLD log-odds gives probabilities that mean what they say, without
 * changing the order of scores (so F1 at the chosen threshold is unchanged).
 */
import { logistic } from './logistic';

/** A fitted Platt scaling of one label. */
export interface PlattScaling {
  /** Multiplies the raw log-odds (>= 0; 0 when the scores carried no signal). */
  readonly scale: number;
  readonly shift: number;
}

/**
 * Fits Platt scaling by Newton's method with backtracking (Lin, Lin & Weng 2007),
 * on Platt's smoothed targets ((N+ + 1) / (N+ + 2) for positives, 1 / (N- + 2)
 * for negatives) so that perfectly separated scores still give finite values.
 * Deterministic: a fixed start, a fixed iteration cap. A negative slope (scores
 * that point the wrong way out of fold) is replaced by scale 0 and the base rate.
 */
export function fitPlatt(scores: readonly number[], labels: readonly boolean[]): PlattScaling {
  if (scores.length !== labels.length) throw new RangeError('fitPlatt: logOdds and truth differ in length');
  // Sums in a canonical order, so that reordering the examples cannot change a bit of the result.
  const [logOdds, truth] = canonicalOrder(scores, labels);
  const n = logOdds.length;
  const positives = truth.filter(Boolean).length;
  const negatives = n - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const target = truth.map((t) => (t ? hi : lo));
  const baseRate = { scale: 0, shift: Math.log((positives + 1) / (negatives + 1)) };
  if (n === 0) return baseRate;

  const loss = (a: number, b: number): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const z = a * logOdds[i]! + b;
      total += softplus(z) - target[i]! * z;
    }
    return total;
  };
  let a = 0;
  let b = baseRate.shift;
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const x = logOdds[i]!;
      const p = logistic(a * x + b);
      const r = p - target[i]!;
      const s = p * (1 - p);
      ga += r * x;
      gb += r;
      haa += s * x * x;
      hab += s * x;
      hbb += s;
    }
    if (Math.abs(ga) < 1e-9 * n && Math.abs(gb) < 1e-9 * n) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    const slope = ga * da + gb * db;
    let step = 1;
    let next = loss(a + step * da, b + step * db);
    while (next > current + 1e-4 * step * slope && step > 1e-10) {
      step /= 2;
      next = loss(a + step * da, b + step * db);
    }
    if (!(next <= current)) break; // no further progress is possible in doubles
    a += step * da;
    b += step * db;
    const improvement = current - next;
    current = next;
    if (improvement <= 1e-12 * Math.max(1, Math.abs(current))) break;
  }
  return a > 0 && Number.isFinite(a) && Number.isFinite(b) ? { scale: a, shift: b } : baseRate;
}

/** Mean negative log-likelihood of labels under probabilities (natural log), clamped away from log 0. */
export function logLoss(values: readonly number[], labels: readonly boolean[]): number {
  if (!values.length) return 0;
  const [probabilities, truth] = canonicalOrder(values, labels);
  let total = 0;
  probabilities.forEach((p, i) => {
    const q = Math.min(Math.max(truth[i] ? p : 1 - p, 1e-15), 1);
    total -= Math.log(q);
  });
  return total / probabilities.length;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Pairs sorted by score, negatives first among equal scores. */
function canonicalOrder(scores: readonly number[], truth: readonly boolean[]): [number[], boolean[]] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[i]! - scores[j]! || Number(truth[i]) - Number(truth[j]));
  return [order.map((i) => scores[i]!), order.map((i) => truth[i]!)];
}
