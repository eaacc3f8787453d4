/**
 * The shapes of evaluation reports, as zod schemas so that a JSON report written
 * by `practice-themes eval --format json` can be validated by whoever reads it.
 * Every number is unrounded; rounding happens only in src/eval/format*.ts.
 */
import { z } from 'zod';
import { EvidenceSchema } from '../result-schema';
import { PairedBootstrapSchema, ScoreIntervalsSchema } from './bootstrap-schema';

export * from './bootstrap-schema';

const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

/** Precision, recall and F1 of one theme or of an average (0..1, 0 where a denominator is 0). */
export const PrfSchema = z.object({ precision: share, recall: share, f1: share });
/** Precision, recall and F1. */
export type Prf = z.infer<typeof PrfSchema>;

/** Cohen's kappa of one binary labelling pair with the agreements it is built from. */
export const KappaResultSchema = z.object({
  /** (po - pe) / (1 - pe); `null` when undefined: no units, or pe = 1 (both sides constant and equal). */
  kappa: z.number().min(-1).max(1).nullable(),
  /** po: share of units on which the two sides agree. */
  observed: share,
  /** pe: agreement expected by chance from each side's own rate of "yes". */
  expected: share,
});
/** Cohen's kappa with observed and expected agreement. */
export type KappaResult = z.infer<typeof KappaResultSchema>;

/** One theme's scores against gold. */
export const ThemeMetricsSchema = PrfSchema.extend({
  theme: z.string(),
  /** Gold units carrying the theme (tp + fn). */
  support: count,
  /** Units predicted with the theme (tp + fp). */
  predicted: count,
  tp: count,
  fp: count,
  fn: count,
  tn: count,
  /** Cohen's kappa between gold and predicted for this theme. */
  agreement: KappaResultSchema,
});
/** One theme's scores against gold. */
export type ThemeMetrics = z.infer<typeof ThemeMetricsSchema>;

/** For the units carrying one gold theme (or none), how often each theme was predicted. */
export const ConfusionRowSchema = z.object({
  /** The gold theme of this row; `null` for units with no gold theme. */
  gold: z.string().nullable(),
  /** Number of units in the row. */
  units: count,
  /** Per theme, how many of the row's units were predicted with it. */
  predicted: z.record(z.string(), count),
  /** How many of the row's units were predicted with no theme at all. */
  none: count,
});
/** One row of the co-occurrence table. */
export type ConfusionRow = z.infer<typeof ConfusionRowSchema>;

/** One unit whose predicted themes differ from its gold themes. */
export const EvaluationErrorSchema = z.object({
  id: z.string(),
  /** The start of the unit's text, when the gold items carry text. */
  excerpt: z.string().optional(),
  gold: z.array(z.string()),
  predicted: z.array(z.string()),
  /** Gold themes not predicted (false negatives). */
  missing: z.array(z.string()),
  /** Predicted themes not in gold (false positives). */
  extra: z.array(z.string()),
  /** Document-level scores, when the prediction was a tag result. */
  scores: z.record(z.string(), share).optional(),
  /** Document-level evidence of the missing and extra themes, when the prediction was a tag result. */
  evidence: z.record(z.string(), z.array(EvidenceSchema)).optional(),
});
/** One mis-tagged unit. */
export type EvaluationError = z.infer<typeof EvaluationErrorSchema>;

/** Scores of one labelling against gold, without the per-unit details. */
export const EvaluationSummarySchema = z.object({
  themes: z.array(z.string()),
  units: count,
  perTheme: z.array(ThemeMetricsSchema),
  /** From tp, fp, fn summed over themes. */
  micro: PrfSchema,
  /** Unweighted mean over ALL listed themes of their precision, recall and F1 (a theme with 0/0 counts as 0). */
  macro: PrfSchema,
  /** Share of units whose predicted theme set equals the gold set exactly. */
  exactMatch: share,
  /** Share of (unit, theme) decisions that are wrong: (fp + fn) / (units x themes). */
  hammingLoss: share,
  /** Mean of the per-theme kappas that are defined; `null` when none is. */
  meanKappa: z.number().min(-1).max(1).nullable(),
});
/** Scores of one labelling against gold, without per-unit details. */
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;

/** Scores of the units sharing one value of a field. */
export const BreakdownRowSchema = z.object({
  /** The field's value; `(none)` for units without the field. */
  value: z.string(),
  units: count,
  /** Themes some gold unit of the subgroup carries: the macro average covers these. */
  themesPresent: z.array(z.string()),
  micro: PrfSchema,
  /** Mean over `themesPresent` (0 when there are none). */
  macro: PrfSchema,
  exactMatch: share,
  /** Units with no gold theme, and how many of them got a theme anyway. */
  noThemeUnits: count,
  noThemeTagged: count,
});
/** One subgroup's scores. */
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

/** `breakdownBy`: scores per value of a field of the units, largest subgroup first. */
export const BreakdownSchema = z.object({ field: z.string(), rows: z.array(BreakdownRowSchema) });
/** Scores per value of a field. */
export type Breakdown = z.infer<typeof BreakdownSchema>;

/** Everything `evaluate` returns. */
export const EvaluationSchema = EvaluationSummarySchema.extend({
  confusion: z.array(ConfusionRowSchema),
  errors: z.array(EvaluationErrorSchema),
  /** Bootstrap intervals of the scores, when asked for. */
  intervals: ScoreIntervalsSchema.optional(),
  /** Scores per value of a field of the units, when asked for. */
  breakdown: BreakdownSchema.optional(),
});
/** Everything `evaluate` returns. */
export type Evaluation = z.infer<typeof EvaluationSchema>;

/** Tagger modes compared by ablation. */
export const ModeSchema = z.enum(['fused', 'rules', 'model']);
/** A tagger mode. */
export type Mode = z.infer<typeof ModeSchema>;

/** One point of a precision/recall curve: predict the theme when probability >= threshold. */
export const PrPointSchema = PrfSchema.extend({ threshold: share, tp: count, fp: count, fn: count });
/** One point of a precision/recall curve. */
export type PrPoint = z.infer<typeof PrPointSchema>;

/** A theme's model threshold and the precision/recall it trades, measured on training data only. */
export const ThemeThresholdSchema = PrfSchema.extend({
  theme: z.string(),
  /** The threshold the model uses. */
  threshold: share,
  /** The PR curve (thinned) the threshold was read from; absent when only the model file's own figures are known. */
  curve: z.array(PrPointSchema).optional(),
});
/** A theme's threshold and its trade-off. */
export type ThemeThreshold = z.infer<typeof ThemeThresholdSchema>;

/** `evaluateTagger`: a tagger in one mode scored on labelled examples. */
export const TaggerEvaluationSchema = EvaluationSchema.extend({
  kind: z.literal('evaluation'),
  mode: ModeSchema,
  /** The tagger's model (name and training corpus hash), `null` for rules only. */
  model: z.object({ name: z.string(), corpusHash: z.string() }).nullable(),
  /** Names of the tagger's rule sets. */
  ruleSets: z.array(z.string()),
  /** The model's thresholds with the cross-validated scores recorded in the model file (training data only). */
  thresholds: z.array(ThemeThresholdSchema),
});
/** A tagger scored on labelled examples. */
export type TaggerEvaluation = z.infer<typeof TaggerEvaluationSchema>;

/** The same examples scored with rules alone, the model alone and both. */
export const AblationSchema = z.object({
  kind: z.literal('ablation'),
  reports: z.array(TaggerEvaluationSchema),
  /** With a bootstrap: fused minus each other mode, paired on the same resamples. */
  differences: z.array(PairedBootstrapSchema.extend({ a: ModeSchema, b: ModeSchema })).optional(),
});
/** Ablation report. */
export type Ablation = z.infer<typeof AblationSchema>;

/** `compareTaggers`: two taggers on the same examples, and a's F1 minus b's, paired. */
export const ComparisonSchema = z.object({
  kind: z.literal('comparison'),
  a: TaggerEvaluationSchema,
  b: TaggerEvaluationSchema,
  difference: PairedBootstrapSchema,
});
/** Comparison report. */
export type Comparison = z.infer<typeof ComparisonSchema>;

/** Mean, sample standard deviation (n - 1; 0 for one value), minimum and maximum of per-fold values. */
export const SpreadSchema = z.object({ mean: z.number(), std: z.number(), min: z.number(), max: z.number() });
/** Spread of per-fold values. */
export type Spread = z.infer<typeof SpreadSchema>;

/** One fold's scores in one mode. */
export const FoldEvaluationSchema = EvaluationSummarySchema.extend({ fold: count });
/** One fold's scores. */
export type FoldEvaluation = z.infer<typeof FoldEvaluationSchema>;

/** Cross-validated scores of one mode. */
export const ModeCrossValidationSchema = z.object({
  mode: ModeSchema,
  /** Every unit scored once, by the model of the fold that held it out. */
  pooled: EvaluationSchema,
  folds: z.array(FoldEvaluationSchema),
  spread: z.object({
    perTheme: z.array(z.object({ theme: z.string(), f1: SpreadSchema, precision: SpreadSchema, recall: SpreadSchema })),
    microF1: SpreadSchema,
    macroF1: SpreadSchema,
  }),
});
/** Cross-validated scores of one mode. */
export type ModeCrossValidation = z.infer<typeof ModeCrossValidationSchema>;

/** One fold's thresholds, each read from out-of-fold probabilities of that fold's training part. */
export const FoldThresholdsSchema = z.object({ fold: count, themes: z.array(ThemeThresholdSchema) });
/** One fold's thresholds. */
export type FoldThresholds = z.infer<typeof FoldThresholdsSchema>;

/** `crossValidate`: grouped k-fold, a fresh model per fold, one or more modes. */
export const CrossValidationSchema = z.object({
  kind: z.literal('cross-validation'),
  folds: count,
  seed: z.number().int(),
  units: count,
  labels: z.array(z.string()),
  /** Units held out in each fold. */
  foldSizes: z.array(count),
  modes: z.array(ModeCrossValidationSchema),
  thresholds: z.array(FoldThresholdsSchema),
  /** With a bootstrap and more than one mode: fused minus each other mode over the pooled units, paired. */
  differences: z.array(PairedBootstrapSchema.extend({ a: ModeSchema, b: ModeSchema })).optional(),
});
/** Cross-validation report. */
export type CrossValidation = z.infer<typeof CrossValidationSchema>;

/** One theme's agreement between two labellings. */
export const ThemeAgreementSchema = z.object({
  theme: z.string(),
  agreement: KappaResultSchema,
  /** Units both labellings give the theme. */
  both: count,
  onlyA: count,
  onlyB: count,
  /** Units neither labelling gives the theme. */
  neither: count,
});
/** One theme's agreement. */
export type ThemeAgreement = z.infer<typeof ThemeAgreementSchema>;

/** A unit the two labellings label differently. */
export const DisagreementSchema = z.object({
  id: z.string(),
  excerpt: z.string().optional(),
  a: z.array(z.string()),
  b: z.array(z.string()),
  onlyA: z.array(z.string()),
  onlyB: z.array(z.string()),
});
/** A unit the labellings disagree on. */
export type Disagreement = z.infer<typeof DisagreementSchema>;

/** `agreement`: Cohen's kappa per theme between two labellings of the same units. */
export const AgreementSchema = z.object({
  kind: z.literal('agreement'),
  themes: z.array(z.string()),
  units: count,
  perTheme: z.array(ThemeAgreementSchema),
  /** Mean of the defined per-theme kappas; `null` when none is defined. */
  meanKappa: z.number().min(-1).max(1).nullable(),
  /** Share of units whose two theme sets are identical. */
  exactAgreement: share,
  disagreements: z.array(DisagreementSchema),
});
/** Agreement report. */
export type Agreement = z.infer<typeof AgreementSchema>;

/** Any report the formatters print. */
export type Report = TaggerEvaluation | Ablation | CrossValidation | Agreement | Comparison;
