/**
 * Fitting the fused decision: per label the model threshold t, and one practice
 * gate threshold τ, chosen together on out-of-fold scores of the calibration
 * examples, so that the decision the tagger makes (rules + model, fused, then
 * gated; see src/fuse/fuse.ts) has the best macro-F1 there.
 */
import { calibrateToThreshold, gateFactor, TAG_THRESHOLD } from '../fuse/fuse';
import { scoresOf, type Confusion } from './thresholds';

/** Out-of-fold scores of the calibration examples. */
export interface FusionFitInput {
  /** Per label, each example's calibrated model probability. */
  readonly probabilities: readonly (readonly number[])[];
  /** Per label, each example's rule strength (noisy-OR of the rules that fired; 0 when none). */
  readonly ruleScores: readonly (readonly number[])[];
  /** Per label, whether each example carries it. */
  readonly truth: readonly (readonly boolean[])[];
  /** Each example's practice-statement probability; without it no gate is fitted. */
  readonly practice?: readonly number[];
}

/** Chosen thresholds and the confusion counts they give on the calibration examples. */
export interface FusionFit {
  readonly thresholds: number[];
  /** 0 when no gate is used. */
  readonly gateThreshold: number;
  readonly confusions: Confusion[];
}

/** Gate thresholds tried: none, then 0.05 to 0.9. */
const GATE_GRID = [0, ...Array.from({ length: 18 }, (_, i) => (i + 1) * 0.05)];
const CANDIDATES = 200;

/** Fits label thresholds and the gate threshold for the best macro-F1; ties keep the weaker gate. */
export function fitFusion(input: FusionFitInput): FusionFit {
  const grid = input.practice ? GATE_GRID : [0];
  let best: FusionFit | undefined;
  let bestMacro = -1;
  for (const tau of grid) {
    const factors = input.practice?.map((g) => gateFactor(g, tau));
    const thresholds: number[] = [];
    const confusions: Confusion[] = [];
    input.probabilities.forEach((probabilities, l) => {
      const choice = bestThreshold(probabilities, input.ruleScores[l]!, input.truth[l]!, factors);
      thresholds.push(choice.threshold);
      confusions.push(choice);
    });
    const macro = confusions.reduce((s, c) => s + f1(c), 0) / Math.max(1, confusions.length);
    if (macro > bestMacro + 1e-12) {
      bestMacro = macro;
      best = { thresholds, gateThreshold: tau, confusions };
    }
  }
  return best!;
}

function bestThreshold(
  probabilities: readonly number[],
  rules: readonly number[],
  truth: readonly boolean[],
  factors: readonly number[] | undefined,
): Confusion & { threshold: number } {
  let best: (Confusion & { threshold: number }) | undefined;
  for (const t of candidates(probabilities)) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < probabilities.length; i++) {
      // fuseTheme(r, {p, t}).score, without building a ThemeScore: this loop is most of training's time.
      const fused = (1 - (1 - rules[i]!) * (1 - calibrateToThreshold(probabilities[i]!, t))) * (factors ? factors[i]! : 1);
      const tagged = fused >= TAG_THRESHOLD;
      if (tagged && truth[i]) tp++;
      else if (tagged) fp++;
      else if (truth[i]) fn++;
    }
    const choice = { threshold: t, tp, fp, fn };
    if (!best || f1(choice) > f1(best) + 1e-12 || (f1(choice) === f1(best) && Math.abs(t - 0.5) < Math.abs(best.threshold - 0.5))) best = choice;
  }
  return best!;
}

/** Midpoints between quantiles of the scores (at most CANDIDATES), inside (0, 1). */
function candidates(probabilities: readonly number[]): number[] {
  const sorted = [...probabilities].sort((a, b) => a - b);
  const out = new Set<number>();
  const n = sorted.length;
  for (let k = 1; k < CANDIDATES; k++) {
    const i = Math.floor((k * n) / CANDIDATES);
    if (i <= 0 || i >= n) continue;
    const mid = (sorted[i - 1]! + sorted[i]!) / 2;
    if (mid > 0 && mid < 1) out.add(mid);
  }
  out.add(0.5);
  return [...out].sort((a, b) => a - b);
}

const f1 = (c: Confusion): number => scoresOf(c).f1;
