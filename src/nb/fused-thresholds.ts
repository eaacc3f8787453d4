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
  const order = gateOrder(input.practice, input.truth[0]?.length ?? 0);
  const bands = grid.map((tau) => gatedBand(order, input.practice, tau));
  // Per label, its best choice at every gate threshold (one label's candidates in memory at a time).
  const choices = input.probabilities.map((probabilities, l) => {
    const label = labelCandidates(probabilities, input.ruleScores[l]!, input.truth[l]!, order);
    return bands.map((band) => bestThreshold(label, band));
  });
  let best: FusionFit | undefined;
  let bestMacro = -1;
  grid.forEach((tau, g) => {
    const confusions: (Confusion & { threshold: number })[] = choices.map((perTau) => perTau[g]!);
    const macro = confusions.reduce((s, c) => s + f1(c), 0) / Math.max(1, confusions.length);
    if (macro > bestMacro + 1e-12) {
      bestMacro = macro;
      best = { thresholds: confusions.map((c) => c.threshold), gateThreshold: tau, confusions: confusions.map(({ tp, fp, fn }) => ({ tp, fp, fn })) };
    }
  });
  return best!;
}

/*
 * How the search stays fast and exact. An example's gated score is its fused score
 * times the gate factor f = min(1, g / τ). Examples are laid out by g, highest
 * first. Those with g >= τ (f = 1) decide as without a gate and are a prefix of
 * that order, so their counts at every candidate threshold are prefix sums
 * computed once. A fused score is at most 1, so an example with f < 0.5 is never
 * tagged; f falls with g, so those are a suffix. Only the band in between
 * (τ/2 <= g < τ) is scored again for each τ.
 */

/** Examples by practice probability, highest first (input order without a gate). */
function gateOrder(practice: readonly number[] | undefined, n: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (practice) order.sort((a, b) => practice[b]! - practice[a]! || a - b);
  return order;
}

/** At one gate threshold, ranks in gate order: [0, open) are left alone, [open, close) are scaled by `factors`, the rest never tagged. */
interface GatedBand {
  readonly open: number;
  readonly close: number;
  /** Gate factor of the ranks open..close-1. */
  readonly factors: Float64Array;
}

function gatedBand(order: Int32Array, practice: readonly number[] | undefined, tau: number): GatedBand {
  const n = order.length;
  if (!practice || !(tau > 0)) return { open: n, close: n, factors: new Float64Array(0) };
  let open = 0;
  while (open < n && practice[order[open]!]! >= tau) open++;
  const factors: number[] = [];
  let close = open;
  while (close < n) {
    const factor = gateFactor(practice[order[close]!]!, tau);
    if (!(factor >= TAG_THRESHOLD)) break;
    factors.push(factor);
    close++;
  }
  return { open, close, factors: Float64Array.from(factors) };
}

/** One label's candidate thresholds, fused scores in gate order, and their ungated counts by prefix. */
interface LabelCandidates {
  readonly thresholds: readonly number[];
  /** `scores[k * n + r]`: the fused score (before the gate) at candidate k of the example at rank r. */
  readonly scores: Float64Array;
  /** Per rank, 1 when the example carries the label. */
  readonly truth: Uint8Array;
  readonly positives: number;
  /** `tagged*[k * (n + 1) + j]`: true / false positives at candidate k among ranks below j. */
  readonly taggedTrue: Int32Array;
  readonly taggedFalse: Int32Array;
}

function labelCandidates(probabilities: readonly number[], rules: readonly number[], truthByExample: readonly boolean[], order: Int32Array): LabelCandidates {
  const thresholds = candidates(probabilities);
  const n = probabilities.length;
  const truth = Uint8Array.from(order, (i) => (truthByExample[i] ? 1 : 0));
  const scores = new Float64Array(thresholds.length * n);
  const taggedTrue = new Int32Array(thresholds.length * (n + 1));
  const taggedFalse = new Int32Array(thresholds.length * (n + 1));
  thresholds.forEach((t, k) => {
    const at = k * (n + 1);
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      const score = (scores[k * n + r] = ungatedScore(rules[i]!, probabilities[i]!, t));
      const tagged = score >= TAG_THRESHOLD;
      taggedTrue[at + r + 1] = taggedTrue[at + r]! + (tagged && truth[r] ? 1 : 0);
      taggedFalse[at + r + 1] = taggedFalse[at + r]! + (tagged && !truth[r] ? 1 : 0);
    }
  });
  return { thresholds, scores, truth, positives: truthByExample.filter(Boolean).length, taggedTrue, taggedFalse };
}

/**
 * The score fuseTheme gives in mode `fused` without a gate, with the same
 * arithmetic (so the same doubles), without building a result object per call:
 * the fit makes millions of them. test/nb-gate.test.ts checks the two agree.
 */
export function ungatedScore(ruleScore: number, probability: number, threshold: number): number {
  const m = calibrateToThreshold(probability, threshold);
  return 1 - (1 - ruleScore) * (1 - m);
}

function bestThreshold(label: LabelCandidates, { open, close, factors }: GatedBand): Confusion & { threshold: number } {
  const { thresholds, scores, truth, taggedTrue, taggedFalse } = label;
  const n = truth.length;
  let best: (Confusion & { threshold: number }) | undefined;
  thresholds.forEach((t, k) => {
    let tp = taggedTrue[k * (n + 1) + open]!;
    let fp = taggedFalse[k * (n + 1) + open]!;
    for (let r = open, at = k * n + open; r < close; r++, at++) {
      // Gated as fuseTheme gates: the fused score times the gate factor.
      if (scores[at]! * factors[r - open]! >= TAG_THRESHOLD) {
        if (truth[r]) tp++;
        else fp++;
      }
    }
    const choice = { threshold: t, tp, fp, fn: label.positives - tp };
    if (!best || f1(choice) > f1(best) + 1e-12 || (f1(choice) === f1(best) && Math.abs(t - 0.5) < Math.abs(best.threshold - 0.5))) best = choice;
  });
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
