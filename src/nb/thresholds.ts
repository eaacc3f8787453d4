/**
 * Choosing a label's threshold from out-of-fold probabilities, and the
 * precision / recall / F1 that go with it.
 */

/** Confusion counts of one label. */
export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** A chosen threshold and the confusion counts it gives on the scored examples. */
export interface ThresholdChoice extends Confusion {
  readonly threshold: number;
}

/**
 * The threshold t (predict when probability >= t) that maximises F1 on the
 * given scores. Thresholds between two neighbouring distinct scores all give
 * the same predictions; each such interval is represented by 0.5 when it
 * contains 0.5, else by its midpoint (a margin on both sides). Among intervals
 * with equal F1 (compared exactly, as fractions of counts) the one whose
 * representative is nearest 0.5 wins, then the lower one.
 */
export function chooseThreshold(probabilities: readonly number[], truth: readonly boolean[]): ThresholdChoice {
  if (probabilities.length !== truth.length) throw new RangeError('chooseThreshold: probabilities and truth differ in length');
  const order = probabilities.map((p, i) => i).sort((a, b) => probabilities[b]! - probabilities[a]!);
  const positives = truth.filter(Boolean).length;
  // First candidate: predict nothing, any t in (highest score, 1] (impossible when a score is exactly 1).
  const highest = order.length ? probabilities[order[0]!]! : 0;
  let best: ThresholdChoice | undefined =
    highest < 1 ? { threshold: representative(highest, 1, order.length === 0), tp: 0, fp: 0, fn: positives } : undefined;
  // Then walk the distinct scores from high to low; each predicts every example scoring >= it.
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; ) {
    const score = probabilities[order[i]!]!;
    while (i < order.length && probabilities[order[i]!] === score) {
      if (truth[order[i]!]) tp++;
      else fp++;
      i++;
    }
    const below = i < order.length ? probabilities[order[i]!]! : 0;
    const candidate: ThresholdChoice = { threshold: representative(below, score, i === order.length), tp, fp, fn: positives - tp };
    if (!best || better(candidate, best)) best = candidate;
  }
  return best!;
}

/** Precision, recall and F1 of confusion counts; 0 where the denominator is 0. */
export function scoresOf({ tp, fp, fn }: Confusion): { precision: number; recall: number; f1: number } {
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : 0,
    recall: tp + fn > 0 ? tp / (tp + fn) : 0,
    f1: tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

/**
 * Representative threshold of the interval (low, high]: 0.5 when inside, else
 * its midpoint. The lowest interval is [0, high] (closed: `includeLow`).
 */
function representative(low: number, high: number, includeLow = false): number {
  if ((0.5 > low || (includeLow && 0.5 === low)) && 0.5 <= high) return 0.5;
  const middle = (low + high) / 2;
  // Adjacent doubles have no double strictly between them: fall back to the top end.
  return middle > low || includeLow ? middle : high;
}

function better(a: ThresholdChoice, b: ThresholdChoice): boolean {
  // F1 = 2tp / (2tp + fp + fn): compare the fractions by cross-multiplying integers.
  const lhs = 2 * a.tp * (2 * b.tp + b.fp + b.fn);
  const rhs = 2 * b.tp * (2 * a.tp + a.fp + a.fn);
  if (lhs !== rhs) return lhs > rhs;
  const da = Math.abs(a.threshold - 0.5);
  const db = Math.abs(b.threshold - 0.5);
  if (da !== db) return da < db;
  return a.threshold < b.threshold;
}
