/**
 * Evaluating taggers: one tagger on labelled examples (`evaluateTagger`), the
 * same in each fusion mode (`ablate`), and seeded grouped k-fold
 * cross-validation that trains a fresh model per fold (`crossValidate`).
 */
import { z } from 'zod';
import { InputError, toIssues } from '../errors';
import type { LabelledExample } from '../corpus/schema';
import { assignGroupedFolds } from '../nb/folds';
import { DEFAULT_TRAIN_SETTINGS } from '../nb/train-options';
import { createTagger, type Tagger, type TaggerOptions } from '../tagger';
import { analyzerFor } from '../tagger-build';
import { DEFAULT_FEATURE_SETTINGS, extractTextFeatures, type FeatureSettings } from '../text/features';
import type { TagResult } from '../result-schema';
import { bootstrapIntervals, pairedBootstrap, type BootstrapSettings } from './bootstrap';
import { breakdownBy } from './breakdown';
import { checkExamples, labelsOf, spreadOf } from './examples';
import { evaluate, summarize } from './metrics';
import { ModeSchema, type Ablation, type CrossValidation, type FoldThresholds, type Mode, type ModeCrossValidation, type TaggerEvaluation } from './report-schema';
import { modelThresholds, thresholdTradeOffs, trainOnFeatures, type FeaturedExample, type TrainerSettings } from './thresholds';

/** The modes an ablation compares, in report order. */
export const ABLATION_MODES: readonly Mode[] = Object.freeze(['rules', 'model', 'fused'] as const);

/** Options of {@link evaluateTagger} and {@link ablate}. */
export interface EvaluateTaggerOptions {
  /** Characters of text kept in each error's excerpt. @default 160 */
  readonly excerptLength?: number;
  /**
   * Add bootstrap intervals of the scores (whole groups resampled when the examples
   * carry `group`); an ablation also gets fused minus each other mode, paired.
   * @default none
   */
  readonly bootstrap?: BootstrapSettings;
  /** Add scores per value of a field: its name and each example's value (by id). @default none */
  readonly breakdown?: { readonly field: string; readonly valueOf: (id: string) => string | undefined };
}

/**
 * Tags every example with the tagger and scores the tagged themes against the
 * gold themes, over the tagger's themes (a gold theme the tagger does not know is
 * an error). The report carries the tagger's mode and its model's thresholds
 * with the cross-validated scores the model file recorded on its training data.
 * @throws InputError for invalid or duplicate examples, or unknown gold themes.
 */
export function evaluateTagger(tagger: Tagger, examples: readonly LabelledExample[], options: EvaluateTaggerOptions = {}): TaggerEvaluation {
  const checked = checkExamples(examples);
  const results = checked.map((e) => tagger.tag(e.text, { id: e.id }));
  return taggerReport(tagger, checked, results, options);
}

/**
 * The same examples scored with rules alone, the model alone and both fused
 * (`tagger.extend({ mode })`), in that order.
 */
export function ablate(tagger: Tagger, examples: readonly LabelledExample[], options: EvaluateTaggerOptions = {}): Ablation {
  const checked = checkExamples(examples);
  const taggers = ABLATION_MODES.map((mode) => tagger.extend({ mode }));
  const results = taggers.map((t) => checked.map((e) => t.tag(e.text, { id: e.id })));
  const reports = taggers.map((t, m) => taggerReport(t, checked, results[m]!, options));
  return {
    kind: 'ablation',
    reports,
    ...(options.bootstrap ? { differences: modeDifferences(checked, ABLATION_MODES, results, tagger.themes, options.bootstrap) } : {}),
  };
}

/** Fused minus each other mode, on the same resamples. */
function modeDifferences(examples: readonly LabelledExample[], modes: readonly Mode[], results: readonly (readonly TagResult[])[], themes: readonly string[], bootstrap: BootstrapSettings) {
  const fused = modes.indexOf('fused');
  if (fused < 0) return [];
  return modes.flatMap((b, m) => (m === fused ? [] : [{ a: 'fused' as const, b, ...pairedBootstrap(examples, results[fused]!, results[m]!, { ...bootstrap, themes }) }]));
}

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /**
   * How to build each fold's tagger: the language model, rule sets and other
   * tagger options; each fold adds its own freshly trained model.
   */
  readonly tagger: Omit<TaggerOptions, 'model' | 'mode'>;
  /**
   * Labels the model learns (theme ids). Themes come from data, never from code.
   * @default every theme some example carries, sorted
   */
  readonly labels?: readonly string[];
  /** Number of outer folds (fewer when there are fewer groups). @default 5 */
  readonly folds?: number;
  /** Seed of the outer fold shuffle. @default 1 */
  readonly seed?: number;
  /** Fusion modes to score each fold in; `ABLATION_MODES` for an ablation. @default ['fused'] */
  readonly modes?: readonly Mode[];
  /** Options passed to the NB trainer (its own inner folds pick the thresholds). */
  readonly train?: TrainerSettings;
  /** Compute each fold's PR curves and thresholds from training data. @default true */
  readonly thresholds?: boolean;
  /** Points kept per PR curve in the report. @default 40 */
  readonly curvePoints?: number;
  /** Characters of text kept in each error's excerpt. @default 160 */
  readonly excerptLength?: number;
  /** Add bootstrap intervals to each mode's pooled scores (whole groups resampled), and fused minus each other mode. @default none */
  readonly bootstrap?: BootstrapSettings;
}

/**
 * Seeded grouped k-fold cross-validation. Units of one `group` (else each unit
 * alone) stay in one fold; folds are the same for the same examples, k and seed.
 * For each fold a fresh model is trained on the other folds, a tagger built with
 * it, and the held-out units tagged in each requested mode. Reports per fold,
 * pooled over all held-out units, and the spread of per-fold F1.
 * @throws InputError for invalid options or examples, fewer than 2 groups, or a
 *   fold whose training part lacks a label's positive or negative examples.
 */
export function crossValidate(examples: readonly LabelledExample[], options: CrossValidateOptions): CrossValidation {
  if (!options?.tagger?.languageModel) {
    throw new InputError('crossValidate needs { tagger: { languageModel } } (import it from "wink-eng-lite-web-model")', { code: 'INVALID_OPTIONS' });
  }
  const modesParsed = z.array(ModeSchema).safeParse(options.modes ?? []);
  if (!modesParsed.success) throw new InputError('invalid modes', { code: 'INVALID_OPTIONS', issues: toIssues(modesParsed.error.issues).map((i) => ({ ...i, path: ['modes', ...i.path] })) });
  const checked = checkExamples(examples);
  const labels = [...(options.labels ?? labelsOf(checked))];
  if (!labels.length) throw new InputError('cross-validation needs labels: no example carries a theme', { code: 'INVALID_CORPUS' });
  const modes = modesParsed.data.length ? [...new Set(modesParsed.data)] : (['fused'] as Mode[]);
  const seed = options.seed ?? DEFAULT_TRAIN_SETTINGS.seed;
  let assignment;
  try {
    assignment = assignGroupedFolds(checked.map(groupKeyOf), options.folds ?? 5, seed);
  } catch (error) {
    throw new InputError(`cannot cross-validate: ${(error as Error).message}`, { code: 'INVALID_OPTIONS' });
  }

  const featured = featurize(checked, options);
  const results = new Map<Mode, TagResult[]>(modes.map((m) => [m, new Array<TagResult>(checked.length)]));
  const thresholds: FoldThresholds[] = [];
  const foldSizes: number[] = [];
  let themes: readonly string[] = labels;
  for (let fold = 0; fold < assignment.folds; fold++) {
    const held = checked.map((_, i) => i).filter((i) => assignment.foldOf[i] === fold);
    const training = featured.filter((_, i) => assignment.foldOf[i] !== fold);
    foldSizes.push(held.length);
    const model = trainOnFeatures(training, labels, options.train ?? {}, `fold ${fold + 1} of ${assignment.folds}`);
    const tagger = createTagger({ ...options.tagger, model });
    themes = tagger.themes;
    for (const mode of modes) {
      const modeTagger = tagger.extend({ mode });
      const out = results.get(mode)!;
      for (const i of held) out[i] = modeTagger.tag(checked[i]!.text, { id: checked[i]!.id });
    }
    if (options.thresholds ?? true) {
      thresholds.push({ fold, themes: thresholdTradeOffs(training, labels, options.train ?? {}, options.curvePoints ?? 40) });
    }
  }

  const excerptLength = options.excerptLength ?? 160;
  const perMode: ModeCrossValidation[] = modes.map((mode) => {
    const out = results.get(mode)!;
    const folds = foldSizes.map((_, fold) => {
      const idx = checked.map((_, i) => i).filter((i) => assignment.foldOf[i] === fold);
      const summary = summarize(evaluate(idx.map((i) => checked[i]!), idx.map((i) => out[i]!), { themes, excerptLength }));
      return { fold, ...summary };
    });
    const pooled = evaluate(checked, out, { themes, excerptLength });
    return {
      mode,
      pooled: options.bootstrap ? { ...pooled, intervals: bootstrapIntervals(checked, out, { ...options.bootstrap, themes }) } : pooled,
      folds,
      spread: {
        perTheme: themes.map((theme, t) => ({
          theme,
          f1: spreadOf(folds.map((f) => f.perTheme[t]!.f1)),
          precision: spreadOf(folds.map((f) => f.perTheme[t]!.precision)),
          recall: spreadOf(folds.map((f) => f.perTheme[t]!.recall)),
        })),
        microF1: spreadOf(folds.map((f) => f.micro.f1)),
        macroF1: spreadOf(folds.map((f) => f.macro.f1)),
      },
    };
  });
  const differences = options.bootstrap ? modeDifferences(checked, modes, modes.map((m) => results.get(m)!), themes, options.bootstrap) : [];
  return {
    kind: 'cross-validation',
    folds: assignment.folds,
    seed,
    units: checked.length,
    labels,
    foldSizes,
    modes: perMode,
    thresholds,
    ...(differences.length ? { differences } : {}),
  };
}

/**
 * Grouped fold of each example, as `crossValidate` assigns them: fold index
 * (0-based) per example in input order.
 */
export function groupedFolds(examples: readonly { readonly id: string; readonly group?: string | undefined }[], folds: number, seed: number): number[] {
  try {
    return [...assignGroupedFolds(examples.map(groupKeyOf), folds, seed).foldOf];
  } catch (error) {
    throw new InputError(`cannot split into folds: ${(error as Error).message}`, { code: 'INVALID_OPTIONS' });
  }
}

function groupKeyOf(example: { readonly id: string; readonly group?: string | undefined }): string {
  return example.group !== undefined ? `g:${example.group}` : `id:${example.id}`;
}

// Features are extracted once and reused by every fold's trainer.
function featurize(examples: readonly LabelledExample[], options: CrossValidateOptions): FeaturedExample[] {
  const analyzer = analyzerFor(options.tagger.languageModel);
  const settings: FeatureSettings = { ...DEFAULT_FEATURE_SETTINGS, ...options.train?.features };
  return examples.map((e) => ({
    id: e.id,
    text: e.text,
    themes: e.themes,
    ...(e.group === undefined ? {} : { group: e.group }),
    features: extractTextFeatures(analyzer.analyze(e.text), settings),
  }));
}

/** The report of a tagger's results on checked examples (what evaluateTagger returns). */
export function taggerReport(tagger: Tagger, examples: readonly LabelledExample[], results: readonly TagResult[], options: EvaluateTaggerOptions): TaggerEvaluation {
  const evaluation = evaluate(examples, results, { themes: tagger.themes, excerptLength: options.excerptLength ?? 160 });
  const intervals = options.bootstrap ? bootstrapIntervals(examples, results, { ...options.bootstrap, themes: tagger.themes }) : undefined;
  const model = tagger.options.model;
  return {
    kind: 'evaluation',
    mode: tagger.options.mode ?? 'fused',
    model: model ? { name: model.name, corpusHash: model.training.corpusHash } : null,
    ruleSets: (tagger.options.ruleSets ?? []).map((r) => r.name),
    ...evaluation,
    ...(intervals ? { intervals } : {}),
    ...(options.breakdown ? { breakdown: breakdownBy(examples, results, options.breakdown.valueOf, { field: options.breakdown.field, themes: tagger.themes }) } : {}),
    thresholds: model ? modelThresholds(model) : [],
  };
}
