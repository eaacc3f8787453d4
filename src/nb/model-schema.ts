/**
 * The naive Bayes model file format: zod schemas (types inferred from them) of a
 * self-describing JSON document (format name, version, content hash, labels,
 * feature settings, smoothing, training corpus hash, measured cross-validated
 * metrics) with the learned counts as compact arrays aligned to a sorted
 * vocabulary. Parsing lives in model-file.ts, writing in serialize-model.ts.
 */
import { z } from 'zod';
import { featureSettingsSchema } from '../text/features';

/** The `format` field every model file carries. */
export const MODEL_FORMAT = 'practice-themes-nb';
/** The model file version this library reads and writes. */
export const MODEL_FILE_VERSION = 1;

// Sanity bounds: far beyond any trained value, close enough to catch a damaged number.
/** Largest Lidstone smoothing alpha a model file may carry. */
export const MAX_ALPHA = 10;
/** Largest Platt scale and absolute shift a model file may carry. */
export const MAX_PLATT_SCALE = 100;
export const MAX_PLATT_SHIFT = 100;
/** Largest length-normalisation reference (counted features). */
export const MAX_LENGTH_REFERENCE = 1_000_000;

const sha256Field = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits');
/** A label (theme id) in a model file: kebab-case. */
export const labelIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case theme id');
const labelId = labelIdSchema;
/** Platt scaling of log-odds, within the sanity bounds. */
const plattSchema = z.strictObject({ scale: z.number().min(0).max(MAX_PLATT_SCALE), shift: z.number().min(-MAX_PLATT_SHIFT).max(MAX_PLATT_SHIFT) });
const unit = z.number().min(0).max(1);
const count = z.number().int().min(0);

/** Precision, recall and F1 (0..1, unrounded). */
export const scoresSchema = z.strictObject({ precision: unit, recall: unit, f1: unit });

/** Cross-validated scores of one label at its chosen threshold. */
export const labelMetricsSchema = z.strictObject({
  precision: unit,
  recall: unit,
  f1: unit,
  /** Number of training examples carrying the label. */
  support: count,
  threshold: unit,
  /** Mean out-of-fold log loss (natural log) of the label's probabilities. */
  logLoss: z.number().min(0),
});

/** How the evidence sum is damped for long inputs (see src/nb/weights.ts). */
export const lengthNormSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  /** Evidence times min(1, sqrt(reference / n)) for n counted features. */
  z.strictObject({ method: z.literal('sqrt'), reference: z.number().positive().max(MAX_LENGTH_REFERENCE) }),
]);

/** Per-label Platt scaling of the log-odds (see src/nb/calibration.ts), or none. */
export const calibrationSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z.strictObject({
    method: z.literal('platt'),
    perLabel: z.record(labelId, plattSchema),
  }),
]);

/** Feature counts with (`pos`) and without (`neg`) a label, aligned to the vocabulary. */
export const countsSchema = z.strictObject({ pos: z.array(count), neg: z.array(count) });

/**
 * The practice-statement gate (see src/fuse/fuse.ts): a two-class naive Bayes over
 * the same vocabulary, "states a practice point" (an example carrying any label)
 * against "states none" (chronology, method, background). Its threshold is fitted
 * together with the label thresholds on the calibration examples.
 */
export const gateSchema = z.strictObject({
  /** Gate threshold: spans whose practice probability is below it have their theme scores scaled down. */
  threshold: unit,
  /** Platt scaling of the gate's log-odds, fitted out of fold on the calibration examples. */
  scaling: plattSchema,
  /** Training examples carrying any label (weighted). */
  positives: count,
  /** Feature counts in examples with and without any label, aligned to `vocabulary`. */
  counts: countsSchema,
});

/** Which training examples thresholds, calibration and the gate were fitted on. */
export const calibrationSetSchema = z.strictObject({
  /** What the calibration examples are, in words (for example "real-register units"). */
  description: z.string().min(1),
  examples: count,
  /** Cross-validation groups (pages or reviews) among them. */
  groups: count,
  /** How many times each calibration example counted in training (the other examples count once). */
  weight: z.number().int().min(1),
});

/** Schema of a model file (version 1). */
export const modelFileSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_FILE_VERSION),
  /**
   * SHA-256 of the file as serializeModel writes it, without this field. Required in
   * files (parseModel checks it, so a damaged or hand-edited file is refused); absent
   * on a model fresh from trainModel, which serializeModel stamps when it writes it.
   */
  contentHash: sha256Field.optional(),
  /** Human-readable model name. */
  name: z.string().min(1),
  /** The labels (theme ids) the model scores, in output order. */
  labels: z.array(labelId).min(1),
  /** Per-label probability threshold (predict the label when probability >= threshold). */
  thresholds: z.record(labelId, unit),
  /** `multinomial`: NB log-odds with class priors; `complement`: the same likelihood ratio, priors dropped. */
  variant: z.enum(['multinomial', 'complement']),
  /** Lidstone smoothing of the per-class feature distributions (and the priors). */
  smoothing: z.strictObject({ method: z.literal('lidstone'), alpha: z.number().positive().max(MAX_ALPHA) }),
  lengthNorm: lengthNormSchema,
  calibration: calibrationSchema,
  /** Feature extraction settings; prediction must extract features the same way. */
  features: featureSettingsSchema,
  /** The practice-statement gate; absent in models trained without one. */
  gate: gateSchema.optional(),
  training: z.strictObject({
    /** SHA-256 of the canonical training examples (src/hash.ts). */
    corpusHash: sha256Field,
    /** Number of training examples. */
    examples: z.number().int().min(1),
    /** Per label, the number of training examples carrying it (the priors come from these; weighted). */
    labelCounts: z.record(labelId, count),
    /** Set when thresholds and calibration were fitted on a subset of the examples. */
    calibration: calibrationSetSchema.optional(),
  }),
  metrics: z.strictObject({
    crossValidated: z.strictObject({
      folds: z.number().int().min(2),
      seed: z.number().int(),
      perLabel: z.record(labelId, labelMetricsSchema),
      micro: scoresSchema,
      macro: scoresSchema,
    }),
  }),
  /** Feature keys, sorted by UTF-16 code unit, unique. */
  vocabulary: z.array(z.string().min(1)),
  /** Per label, feature counts in examples with (`pos`) and without (`neg`) it, aligned to `vocabulary`. */
  counts: z.record(labelId, z.strictObject({ pos: z.array(count), neg: z.array(count) })),
});

/** A parsed, validated model file. */
export type ModelFile = z.infer<typeof modelFileSchema>;

/** Cross-validated scores of one label. */
export type LabelMetrics = z.infer<typeof labelMetricsSchema>;
/** Precision, recall and F1. */
export type Scores = z.infer<typeof scoresSchema>;
/** Calibration setting. */
export type Calibration = z.infer<typeof calibrationSchema>;
/** The practice-statement gate. */
export type Gate = z.infer<typeof gateSchema>;
/** Length normalisation setting. */
export type LengthNorm = z.infer<typeof lengthNormSchema>;

