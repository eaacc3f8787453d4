/**
 * From counts to weights. Each label is its own two-class naive Bayes (examples
 * with the label vs without it), so its score is a log-odds:
 *
 *   logOdds = bias + s(n) * sum_f x_f * w_f
 *   w_f     = log P(f | pos) - log P(f | neg)
 *   P(f | c) = (N_c[f] + alpha) / (N_c + alpha * V)           (Lidstone)
 *   bias    = log(n_pos + alpha) - log(n_neg + alpha)          (smoothed prior odds)
 *
 * where x_f is 1 (binary) or the count of feature f in the input, N_c[f] the
 * count of f in class c, N_c the sum over the vocabulary, V its size, n_pos and
 * n_neg the numbers of training examples with and without the label. Priors are
 * smoothed with the same alpha so that a cross-validation fold without positives
 * still gives a finite score.
 *
 * Variant `complement` (Rennie et al. 2003) estimates each class from the
 * examples NOT in it. With two classes the complement of "pos" is "neg", so its
 * decision is the same likelihood ratio; what remains different is that CNB
 * drops the prior (bias = 0), which keeps rare labels from being pushed towards
 * 0 before the threshold is applied.
 *
 * Calibration (optional, see calibration.ts): per label, the log-odds become
 * scale * logOdds + shift, folded into the weights and bias here, so that
 * `probability = logistic(logOdds)` and the per-feature contributions still add
 * up to the reported log-odds.
 *
 * Length: a sum of n log-ratios grows with n, so a long input gets extreme
 * probabilities. Method `sqrt` scales the evidence by s(n) = min(1, sqrt(ref / n)),
 * ref being the median number of counted features in a training example: inputs
 * up to typical length are untouched, longer ones grow like sqrt(n), not n.
 */
import type { PlattScaling } from './calibration';
import type { LengthNorm, ModelFile } from './model-file';

export { logistic } from './logistic';

/** What {@link compileWeights} needs: the learned counts and the settings that turn them into weights. */
export interface WeightInput {
  readonly labels: readonly string[];
  readonly vocabulary: readonly string[];
  readonly counts: Readonly<Record<string, { readonly pos: readonly number[]; readonly neg: readonly number[] }>>;
  /** Per label, number of training examples carrying it. */
  readonly labelCounts: Readonly<Record<string, number>>;
  /** Number of training examples. */
  readonly examples: number;
  readonly alpha: number;
  readonly variant: 'multinomial' | 'complement';
  readonly lengthNorm: LengthNorm;
  readonly binary: boolean;
  /** Per-label Platt scaling; none when absent. */
  readonly calibration?: Readonly<Record<string, PlattScaling>> | undefined;
  /** The vocabulary's key -> row map, when the caller has it already (built here otherwise). */
  readonly index?: ReadonlyMap<string, number> | undefined;
  /** The weights and biases computed ahead of time for exactly these inputs (model-tables.ts), used instead of computing them. */
  readonly precomputed?: { readonly weights: Float64Array; readonly bias: Float64Array } | undefined;
}

/** Weights laid out for fast scoring: `weights[f * labels.length + l]`. */
export interface CompiledWeights {
  readonly labels: readonly string[];
  /** Feature key -> row in `weights`. */
  readonly index: ReadonlyMap<string, number>;
  /** Row -> feature key (the vocabulary). */
  readonly keys: readonly string[];
  readonly weights: Float64Array;
  /** Per label, the log prior odds (0 for `complement`), calibrated. */
  readonly bias: Float64Array;
  /** Reference length of the `sqrt` method, or Infinity (no damping). */
  readonly lengthReference: number;
  readonly binary: boolean;
}

/** What {@link compileWeights} takes for a model file's labels (`index`: the vocabulary's, when the caller has it). */
export function weightInputOf(model: ModelFile, index?: ReadonlyMap<string, number>): WeightInput {
  return {
    labels: model.labels,
    vocabulary: model.vocabulary,
    counts: model.counts,
    labelCounts: model.training.labelCounts,
    examples: model.training.examples,
    alpha: model.smoothing.alpha,
    variant: model.variant,
    lengthNorm: model.lengthNorm,
    binary: model.features.binary,
    calibration: model.calibration.method === 'platt' ? model.calibration.perLabel : undefined,
    index,
  };
}

/** Precomputes the per-label log-ratio of every vocabulary feature. */
export function compileWeights(input: WeightInput): CompiledWeights {
  const { weights, bias } = input.precomputed ?? logRatios(input);
  const index = input.index ?? vocabularyIndex(input.vocabulary);
  const lengthReference = input.lengthNorm.method === 'sqrt' ? input.lengthNorm.reference : Infinity;
  return { labels: input.labels, index, keys: input.vocabulary, weights, bias, lengthReference, binary: input.binary };
}

/** Each label's calibrated log-ratio of every vocabulary feature, and its calibrated prior log-odds. */
function logRatios(input: WeightInput): { weights: Float64Array; bias: Float64Array } {
  const { labels, vocabulary, alpha } = input;
  const size = vocabulary.length;
  const labelCount = labels.length;
  const weights = new Float64Array(size * labelCount);
  const bias = new Float64Array(labelCount);
  const logSmoothed = smoothedLog(alpha);
  labels.forEach((label, l) => {
    const { pos, neg } = input.counts[label]!;
    const logDenPos = Math.log(sum(pos) + alpha * size);
    const logDenNeg = Math.log(sum(neg) + alpha * size);
    const { scale, shift } = input.calibration?.[label] ?? { scale: 1, shift: 0 };
    for (let f = 0; f < size; f++) {
      weights[f * labelCount + l] = scale * (logSmoothed(pos[f]!) - logDenPos - (logSmoothed(neg[f]!) - logDenNeg));
    }
    const withLabel = input.labelCounts[label]!;
    const prior = input.variant === 'complement' ? 0 : Math.log(withLabel + alpha) - Math.log(input.examples - withLabel + alpha);
    bias[l] = scale * prior + shift;
  });
  return { weights, bias };
}

/** Scale of the evidence sum for an input with n counted features. */
export function lengthScale(n: number, reference: number): number {
  return n > reference ? Math.sqrt(reference / n) : 1;
}

/**
 * log(count + alpha), memoised for the small whole counts that make up most of a
 * model (the same double as computing it each time: Math.log of the same input).
 */
function smoothedLog(alpha: number): (count: number) => number {
  const table = new Float64Array(1024).fill(NaN);
  return (count) => {
    if (!(count >= 0 && count < table.length && Number.isInteger(count))) return Math.log(count + alpha);
    const cached = table[count]!;
    return cached === cached ? cached : (table[count] = Math.log(count + alpha));
  };
}

/** Feature key -> row. */
export function vocabularyIndex(vocabulary: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  vocabulary.forEach((key, f) => index.set(key, f));
  return index;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
