/**
 * Folding reviewed passages into a corpus and measuring what they bought: train
 * without them and with them (less a held-out part), and score both on the
 * held-out part. Pure: the caller says how to train and how to tag.
 */
import type { CorpusUnit } from '../corpus/schema';
import { pairedBootstrap } from '../eval/bootstrap';
import { evaluate, summarize } from '../eval/metrics';
import type { EvaluationSummary, PairedBootstrap } from '../eval/report-schema';
import type { ModelFile } from '../nb/model-file';
import { holdOutReviewed } from './decisions';

/** Options of {@link retrainWithReviewed}. */
export interface RetrainWithReviewedOptions {
  /** Trains a model on corpus units (for example trainingExamplesOf + trainModel). */
  readonly train: (units: readonly CorpusUnit[]) => ModelFile;
  /** The themes a tagger over the model puts on each text. */
  readonly predict: (model: ModelFile, texts: readonly string[]) => readonly (readonly string[])[];
  /** Themes scored, in order. */
  readonly themes: readonly string[];
  /** Share of the reviewed units held out to measure on. @default 0.2 */
  readonly heldOutShare?: number;
  /** Seed of the held-out choice. @default 1 */
  readonly seed?: number;
  /** Also train the model to keep, on the corpus and every reviewed unit. @default true */
  readonly trainFinal?: boolean;
}

/** What {@link retrainWithReviewed} returns. */
export interface RetrainWithReviewedResult {
  /** The model on the corpus plus every reviewed unit (absent with trainFinal false). */
  readonly model?: ModelFile;
  /** Reviewed units learned from in the "after" model. */
  readonly learned: readonly CorpusUnit[];
  /** Reviewed units held out and scored. */
  readonly heldOut: readonly CorpusUnit[];
  /** The corpus alone, scored on the held-out reviewed units. */
  readonly before: EvaluationSummary;
  /** The corpus plus the learned reviewed units, scored on the same held-out units. */
  readonly after: EvaluationSummary;
  /**
   * After minus before, F1 per theme, micro and macro, with a paired bootstrap interval
   * over the held-out documents (1,000 resamples): a few dozen held-out passages can
   * show a gain that is only the luck of which passages were held out. Absent when they
   * come from fewer than 2 documents.
   */
  readonly gain?: PairedBootstrap;
}

/**
 * Retrains with reviewed units (`decisionsToUnits`) and measures the gain on a
 * held-out part of them (by document; see holdOutReviewed).
 */
export function retrainWithReviewed(
  corpus: readonly CorpusUnit[],
  reviewed: readonly CorpusUnit[],
  options: RetrainWithReviewedOptions,
): RetrainWithReviewedResult {
  const { train: learned, heldOut } = holdOutReviewed(reviewed, options.heldOutShare ?? 0.2, options.seed ?? 1);
  const known = new Set(options.themes);
  const gold = heldOut.map((u) => ({ id: u.id, themes: u.themes, group: u.group }));
  const predictions = (model: ModelFile) => {
    const predicted = options.predict(model, heldOut.map((u) => u.text));
    return heldOut.map((u, i) => ({ id: u.id, themes: predicted[i]!.filter((t) => known.has(t)) }));
  };
  const beforePredicted = predictions(options.train(corpus));
  const afterPredicted = predictions(options.train([...corpus, ...learned]));
  const before = summarize(evaluate(gold, beforePredicted, { themes: options.themes }));
  const after = summarize(evaluate(gold, afterPredicted, { themes: options.themes }));
  const documents = new Set(heldOut.map((u) => u.group)).size;
  const gain = documents >= 2 ? pairedBootstrap(gold, afterPredicted, beforePredicted, { themes: options.themes, seed: options.seed ?? 1 }) : undefined;
  const model = options.trainFinal === false ? undefined : options.train([...corpus, ...reviewed]);
  return { ...(model ? { model } : {}), learned, heldOut, before, after, ...(gain ? { gain } : {}) };
}
