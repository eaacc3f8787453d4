/**
 * Threshold trade-offs: per theme, the precision/recall curve of the model's
 * probability and the threshold read from it. The probabilities are out-of-fold
 * scores on TRAINING data only (each example scored by counts fitted without
 * its group), computed as the NB trainer computes them, so the threshold chosen
 * here is the one the trained model carries. Held-out data is never used to
 * pick a threshold.
 */
import { InputError, isPracticeThemesError } from '../errors';
import { fitPlatt } from '../nb/calibration';
import { countFeatures, medianCountedFeatures, type CountableExample } from '../nb/counts';
import { assignGroupedFolds } from '../nb/folds';
import type { LengthNorm, ModelFile } from '../nb/model-file';
import { createScorer } from '../nb/score';
import { chooseThreshold, scoresOf } from '../nb/thresholds';
import { trainModel } from '../nb/train';
import { DEFAULT_TRAIN_SETTINGS, type TrainOptions } from '../nb/train-options';
import { compileWeights, logistic } from '../nb/weights';
import { DEFAULT_FEATURE_SETTINGS, type Feature, type FeatureSettings } from '../text/features';
import { prf } from './metrics';
import type { PrPoint, ThemeThreshold } from './report-schema';

/** A labelled example with its features already extracted (extract once, train many times). */
export interface FeaturedExample {
  readonly id: string;
  readonly text: string;
  readonly themes: readonly string[];
  readonly group?: string;
  readonly features: readonly Feature[];
}

/** Trainer options other than the labels and the analyzer (features are pre-computed). */
export type TrainerSettings = Omit<TrainOptions, 'labels' | 'analyzer'>;

/**
 * The precision/recall curve of one theme: one point per distinct probability,
 * highest first, each predicting the theme for every example scoring at least
 * that probability.
 */
export function prCurve(probabilities: readonly number[], truth: readonly boolean[]): PrPoint[] {
  if (probabilities.length !== truth.length) throw new RangeError('prCurve: probabilities and truth differ in length');
  const order = probabilities.map((_, i) => i).sort((a, b) => probabilities[b]! - probabilities[a]!);
  const positives = truth.filter(Boolean).length;
  const points: PrPoint[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; ) {
    const threshold = probabilities[order[i]!]!;
    for (; i < order.length && probabilities[order[i]!] === threshold; i++) {
      if (truth[order[i]!]) tp++;
      else fp++;
    }
    points.push({ threshold, ...prf(tp, fp, positives - tp), tp, fp, fn: positives - tp });
  }
  return points;
}

/**
 * At most `maxPoints` points of a curve, evenly spaced along it, always keeping
 * its ends and its best-F1 point (so the curve keeps its shape in a report).
 */
export function thinCurve(curve: readonly PrPoint[], maxPoints = 40): PrPoint[] {
  if (curve.length <= maxPoints) return [...curve];
  let best = 0;
  curve.forEach((p, i) => {
    if (p.f1 > curve[best]!.f1) best = i;
  });
  const keep = new Set<number>([0, curve.length - 1, best]);
  const step = (curve.length - 1) / Math.max(1, maxPoints - 2);
  for (let k = 0; keep.size < maxPoints && k * step <= curve.length - 1; k++) keep.add(Math.round(k * step));
  return [...keep].sort((a, b) => a - b).map((i) => curve[i]!);
}

/**
 * Out-of-fold probabilities of each label on the given (training) examples,
 * computed exactly as the NB trainer computes the scores it picks thresholds
 * from: the same grouped folds and seed, each fold scored by counts fitted on
 * the others, then (with Platt calibration, the trainer's default) the log-odds
 * scaled by a fit on all out-of-fold scores. Mirrors src/nb/train.ts; a test
 * checks that both pick the same thresholds.
 * @returns per label, one probability per example in input order
 * @throws InputError when the examples form fewer than 2 groups
 */
export function outOfFoldProbabilities(
  examples: readonly FeaturedExample[],
  labels: readonly string[],
  settings: TrainerSettings = {},
): Record<string, number[]> {
  const features: FeatureSettings = { ...DEFAULT_FEATURE_SETTINGS, ...settings.features };
  const alpha = settings.alpha ?? DEFAULT_TRAIN_SETTINGS.alpha;
  const variant = settings.variant ?? DEFAULT_TRAIN_SETTINGS.variant;
  const lengthMethod = settings.lengthNorm ?? DEFAULT_TRAIN_SETTINGS.lengthNorm;
  const calibration = settings.calibration ?? DEFAULT_TRAIN_SETTINGS.calibration;
  const countable: CountableExample[] = examples.map((e) => ({ keys: e.features.map((f) => f.key), has: labels.map((l) => e.themes.includes(l)) }));
  let assignment;
  try {
    // The trainer's own group keys: the group, else the id.
    assignment = assignGroupedFolds(
      examples.map((e) => (e.group !== undefined ? `g:${e.group}` : `id:${e.id}`)),
      settings.folds ?? DEFAULT_TRAIN_SETTINGS.folds,
      settings.seed ?? DEFAULT_TRAIN_SETTINGS.seed,
    );
  } catch (error) {
    throw new InputError(`cannot compute out-of-fold probabilities: ${(error as Error).message}`, { code: 'INVALID_CORPUS' });
  }
  const logOdds = labels.map(() => new Array<number>(examples.length).fill(0));
  for (let fold = 0; fold < assignment.folds; fold++) {
    const subset = countable.filter((_, i) => assignment.foldOf[i] !== fold);
    const counted = countFeatures(subset, labels, features);
    const lengthNorm: LengthNorm =
      lengthMethod === 'sqrt' ? { method: 'sqrt', reference: medianCountedFeatures(subset, counted.vocabulary, features.binary) } : { method: 'none' };
    const score = createScorer(compileWeights({ labels, alpha, variant, binary: features.binary, ...counted, lengthNorm }));
    examples.forEach((example, i) => {
      if (assignment.foldOf[i] !== fold) return;
      const scored = score(example.features, 0).logOdds;
      labels.forEach((_, l) => (logOdds[l]![i] = scored[l]!));
    });
  }
  return Object.fromEntries(
    labels.map((label, l) => {
      const truth = countable.map((c) => c.has[l]!);
      const { scale, shift } = calibration === 'platt' ? fitPlatt(logOdds[l]!, truth) : { scale: 1, shift: 0 };
      return [label, logOdds[l]!.map((x) => logistic(scale * x + shift))];
    }),
  );
}

/**
 * Per label: the PR curve of the out-of-fold probabilities on the training
 * examples, the threshold with the best F1 on it (the trainer's rule), and the
 * precision/recall/F1 that threshold trades.
 */
export function thresholdTradeOffs(
  examples: readonly FeaturedExample[],
  labels: readonly string[],
  settings: TrainerSettings = {},
  maxPoints = 40,
): ThemeThreshold[] {
  const probabilities = outOfFoldProbabilities(examples, labels, settings);
  return labels.map((label) => {
    const truth = examples.map((e) => e.themes.includes(label));
    const choice = chooseThreshold(probabilities[label]!, truth);
    return { theme: label, threshold: choice.threshold, ...scoresOf(choice), curve: thinCurve(prCurve(probabilities[label]!, truth), maxPoints) };
  });
}

/** The thresholds a model file carries, with the cross-validated scores it recorded at them. */
export function modelThresholds(model: ModelFile): ThemeThreshold[] {
  return model.labels.map((label) => {
    const m = model.metrics.crossValidated.perLabel[label]!;
    return { theme: label, threshold: model.thresholds[label]!, precision: m.precision, recall: m.recall, f1: m.f1 };
  });
}

/**
 * Trains the NB model on pre-computed features (text kept so the corpus hash is
 * the text's). Errors name the fold they came from.
 */
export function trainOnFeatures(examples: readonly FeaturedExample[], labels: readonly string[], settings: TrainerSettings, where: string): ModelFile {
  try {
    return trainModel(
      examples.map((e) => ({
        id: e.id,
        ...(e.text ? { text: e.text } : {}),
        themes: e.themes,
        features: e.features.map((f) => f.key),
        ...(e.group === undefined ? {} : { group: e.group }),
      })),
      { ...settings, labels },
    );
  } catch (error) {
    if (isPracticeThemesError(error)) {
      throw new InputError(`${where}: ${error.message.replace(/^practice-themes: /, '')}`, { code: 'INVALID_CORPUS', issues: error.issues });
    }
    throw error;
  }
}
