/**
 * The classifier: an immutable value built once from a model file. All weights
 * are precomputed here, so `predict` is a few map look-ups and additions per
 * feature.
 */
import { InputError, ModelError } from '../errors';
import { encodeFeatures, featureVocabulary, featureVocabularyFromTriples, type EncodedFeatures, type FeatureVocabulary } from '../text/feature-encoding';
import type { Feature, FeatureSettings } from '../text/features';
import type { Token } from '../text/types';
import { consistencyIssues, isCheckedModel, type ModelFile } from './model-file';
import { createLazyRowScorer, createRowScorer, createScorer, type LazyRowScorer, type RawScores, type TopFeature } from './score';
import { attachedPairsOf, attachedWeightsOf } from './model-tables';
import { compileWeights, logistic, vocabularyIndex, weightInputOf, type CompiledWeights } from './weights';

/** One label's score for one input. */
export interface LabelPrediction {
  /** Probability (0..1) that the input carries the label: the logistic of `logOdds`. */
  readonly probability: number;
  /** The label's log-odds (prior odds plus the weighed evidence). */
  readonly logOdds: number;
  /** Features that weighed most FOR the label in this input, strongest first. */
  readonly top: readonly TopFeature[];
}

/** Options of a single prediction. */
export interface PredictOptions {
  /**
   * How many top features to report per label (0 for none, which is faster).
   * @default 5
   */
  readonly topK?: number;
}

/** A trained naive Bayes classifier over features. */
export interface Classifier {
  /** Model name. */
  readonly name: string;
  /** Labels (theme ids) in output order. */
  readonly labels: readonly string[];
  /** Per-label thresholds chosen by cross-validation. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** Feature settings the model was trained with: extract features for `predict` with these. */
  readonly featureSettings: Readonly<FeatureSettings>;
  /** The model file this classifier was built from (weights were computed from it once; changing it changes nothing here). */
  readonly model: ModelFile;
  /** Independent per-label scores for one input's features. */
  predict(features: readonly Feature[], options?: PredictOptions): Record<string, LabelPrediction>;
  /**
   * One sentence's features, encoded as vocabulary rows for {@link Classifier.predictEncoded}:
   * the tagger's fast path (no string or object per feature).
   */
  encode(tokens: readonly Token[]): EncodedFeatures;
  /**
   * `predict` for an input made of encoded sentences: exactly the result `predict`
   * gives for the concatenation of their extracted features.
   */
  predictEncoded(encoded: readonly EncodedFeatures[], options?: PredictOptions): Record<string, LabelPrediction>;
}

// The tagger's scorer of each classifier (not part of the public Classifier: its state is shared per classifier).
const lazyScorers = new WeakMap<Classifier, LazyRowScorer>();
const compiledWeights = new WeakMap<Classifier, CompiledWeights>();

/**
 * The classifier's scorer that leaves top features until they are asked for (the
 * tagger needs them for tagged themes only). One per classifier, so its results are
 * valid until the next call on the same classifier.
 */
export function lazyScorerOf(classifier: Classifier): LazyRowScorer | undefined {
  let scorer = lazyScorers.get(classifier);
  const compiled = compiledWeights.get(classifier);
  if (!scorer && compiled) lazyScorers.set(classifier, (scorer = createLazyRowScorer(compiled)));
  return scorer;
}

/**
 * Builds a classifier from a model file (as returned by `parseModel` or `trainModel`).
 * @throws ModelError `INVALID_MODEL` when the model's arrays are not aligned to its vocabulary.
 */
export function createClassifier(model: ModelFile): Classifier {
  const checked = isCheckedModel(model);
  const issues = checked ? [] : consistencyIssues(model);
  if (issues.length) throw new ModelError('cannot build a classifier from an inconsistent model', { issues });
  const labels = Object.freeze([...model.labels]);
  // A checked model's vocabulary is not changed after loading: its index is shared (the practice gate's classifier uses it too).
  const index = checked ? sharedIndex(model.vocabulary) : undefined;
  const compiled = compileWeights({ ...weightInputOf(model, index), labels, precomputed: checked ? attachedWeightsOf(model) : undefined });
  const score = createScorer(compiled);
  const scoreRows = createRowScorer(compiled);
  let vocabulary: FeatureVocabulary | undefined; // built on first encode (a pass over the vocabulary)
  const featureSettings = Object.freeze({ ...model.features, ngramRange: Object.freeze([...model.features.ngramRange]) as [number, number] });
  const predictions = ({ logOdds, top }: RawScores): Record<string, LabelPrediction> => {
    const out: Record<string, LabelPrediction> = {};
    for (let l = 0; l < labels.length; l++) {
      const x = logOdds[l]!;
      out[labels[l]!] = { probability: logistic(x), logOdds: x, top: top[l]! };
    }
    return out;
  };
  const thresholds = Object.freeze(Object.fromEntries(labels.map((label) => [label, model.thresholds[label]!])));

  const classifier: Classifier = {
    name: model.name,
    labels,
    thresholds,
    featureSettings,
    model,
    predict: (features, options = {}) => predictions(score(features, topKOf(options))),
    encode: (tokens) => encodeFeatures(tokens, featureSettings, (vocabulary ??= vocabularyOf(model, compiled.index, featureSettings))),
    predictEncoded: (encoded, options = {}) => predictions(scoreRows(encoded, topKOf(options))),
  };
  compiledWeights.set(classifier, compiled);
  return Object.freeze(classifier);
}

/** The encoding lookup of a vocabulary, from its attached bigram table when it has one. */
function vocabularyOf(model: ModelFile, index: ReadonlyMap<string, number>, settings: FeatureSettings): FeatureVocabulary {
  const triples = isCheckedModel(model) ? attachedPairsOf(model.vocabulary) : undefined;
  return triples ? featureVocabularyFromTriples(index, model.vocabulary.length, triples) : featureVocabulary(model.vocabulary, index, settings);
}

const indexes = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

function sharedIndex(vocabulary: readonly string[]): ReadonlyMap<string, number> {
  let index = indexes.get(vocabulary);
  if (index === undefined) indexes.set(vocabulary, (index = vocabularyIndex(vocabulary)));
  return index;
}

function topKOf(options: PredictOptions): number {
  const topK = options.topK ?? 5;
  if (!Number.isInteger(topK) || topK < 0) {
    throw new InputError(`predict: topK must be a non-negative integer, got ${String(topK)}`, { code: 'INVALID_OPTIONS' });
  }
  return topK;
}
