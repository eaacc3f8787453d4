/**
 * The naive Bayes model file: a self-describing JSON document (format name,
 * version, labels, feature settings, smoothing, training corpus hash, measured
 * cross-validated metrics) with the learned counts as compact arrays aligned to
 * a sorted vocabulary. Validated on load; serialised with a stable key order.
 */
import { z } from 'zod';
import { ModelError, toIssues, type Issue } from '../errors';
import { featureSettingsSchema } from '../text/features';

export { serializeModel } from './serialize-model';

/** The `format` field every model file carries. */
export const MODEL_FORMAT = 'practice-themes-nb';
/** The model file version this library reads and writes. */
export const MODEL_FILE_VERSION = 1;

const labelId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case theme id');
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
  z.strictObject({ method: z.literal('sqrt'), reference: z.number().positive() }),
]);

/** Per-label Platt scaling of the log-odds (see src/nb/calibration.ts), or none. */
export const calibrationSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z.strictObject({
    method: z.literal('platt'),
    perLabel: z.record(labelId, z.strictObject({ scale: z.number().min(0), shift: z.number() })),
  }),
]);

const countsSchema = z.strictObject({ pos: z.array(count), neg: z.array(count) });

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
  scaling: z.strictObject({ scale: z.number().min(0), shift: z.number() }),
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
  /** Human-readable model name. */
  name: z.string().min(1),
  /** The labels (theme ids) the model scores, in output order. */
  labels: z.array(labelId).min(1),
  /** Per-label probability threshold (predict the label when probability >= threshold). */
  thresholds: z.record(labelId, unit),
  /** `multinomial`: NB log-odds with class priors; `complement`: the same likelihood ratio, priors dropped. */
  variant: z.enum(['multinomial', 'complement']),
  /** Lidstone smoothing of the per-class feature distributions (and the priors). */
  smoothing: z.strictObject({ method: z.literal('lidstone'), alpha: z.number().positive() }),
  lengthNorm: lengthNormSchema,
  calibration: calibrationSchema,
  /** Feature extraction settings; prediction must extract features the same way. */
  features: featureSettingsSchema,
  /** The practice-statement gate; absent in models trained without one. */
  gate: gateSchema.optional(),
  training: z.strictObject({
    /** SHA-256 of the canonical training examples (src/hash.ts). */
    corpusHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits'),
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

// Loading validates the vocabulary and count arrays (hundreds of thousands of
// entries) in one plain loop each: element by element through zod took most of
// the cold start. Same rules as modelFileSchema, which stays the documented schema.
const isWholeCount = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const fastList = <T>(check: (v: unknown) => boolean, expected: string) =>
  z.custom<T[]>().superRefine((value, ctx) => {
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `expected an array of ${expected}` });
      return;
    }
    for (let i = 0; i < value.length; i++) {
      if (!check(value[i])) {
        ctx.addIssue({ code: 'custom', path: [i], message: `expected ${expected}, got ${JSON.stringify(value[i]) ?? 'undefined'}` });
        return;
      }
    }
  });
const countList = fastList<number>(isWholeCount, 'whole numbers >= 0');
const loadSchema = modelFileSchema.extend({
  vocabulary: fastList<string>((v) => typeof v === 'string' && v.length > 0, 'non-empty strings'),
  counts: z.record(labelId, z.strictObject({ pos: countList, neg: countList })),
  gate: gateSchema.extend({ counts: z.strictObject({ pos: countList, neg: countList }) }).optional(),
});
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

/** Where the model came from, for error messages. */
export interface ParseModelOptions {
  /** File name to put in error messages. */
  readonly file?: string;
}

/** Result of {@link safeParseModel}. */
export type SafeParseModelResult = { success: true; data: ModelFile } | { success: false; error: ModelError };

/**
 * Validates a model file given as a JSON string or an already parsed value.
 * @throws ModelError `MODEL_VERSION` when the format name or version is not ours,
 *   `INVALID_MODEL` (with JSON paths) when the file is damaged.
 */
export function parseModel(json: unknown, options: ParseModelOptions = {}): ModelFile {
  const { file } = options;
  const value = typeof json === 'string' ? parseJson(json, file) : json;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(`expected a ${MODEL_FORMAT} model file (a JSON object), got ${describe(value)}`, { file });
  }
  const header = value as { format?: unknown; version?: unknown };
  if (header.format !== MODEL_FORMAT || header.version !== MODEL_FILE_VERSION) {
    throw new ModelError(
      `expected ${MODEL_FORMAT} version ${MODEL_FILE_VERSION}, got format ${describe(header.format)} version ${describe(header.version)}`,
      { file, code: 'MODEL_VERSION' },
    );
  }
  const result = loadSchema.safeParse(value);
  if (!result.success) {
    throw new ModelError('the model file is damaged', { file, issues: toIssues(result.error.issues) });
  }
  const issues = consistencyIssues(result.data);
  if (issues.length) throw new ModelError('the model file is inconsistent', { file, issues });
  return result.data;
}

/** Like {@link parseModel} but returns `{ success, data | error }` instead of throwing. */
export function safeParseModel(json: unknown, options: ParseModelOptions = {}): SafeParseModelResult {
  try {
    return { success: true, data: parseModel(json, options) };
  } catch (error) {
    if (error instanceof ModelError) return { success: false, error };
    throw error;
  }
}

/**
 * Checks what the schema cannot: every label-keyed record covers exactly the
 * labels, the vocabulary is sorted and unique, and every count array is aligned
 * to the vocabulary.
 */
export function consistencyIssues(model: ModelFile): Issue[] {
  const issues: Issue[] = [];
  const labels = model.labels;
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    if (seen.has(label)) issues.push({ path: ['labels', i], message: `label "${label}" is listed twice` });
    seen.add(label);
  });
  const records: [readonly (string | number)[], Record<string, unknown>][] = [
    [['thresholds'], model.thresholds],
    [['counts'], model.counts],
    [['training', 'labelCounts'], model.training.labelCounts],
    [['metrics', 'crossValidated', 'perLabel'], model.metrics.crossValidated.perLabel],
  ];
  if (model.calibration.method === 'platt') records.push([['calibration', 'perLabel'], model.calibration.perLabel]);
  for (const [path, record] of records) {
    for (const label of labels) {
      if (!(label in record)) issues.push({ path, message: `missing label "${label}"` });
    }
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) issues.push({ path: [...path, key], message: `"${key}" is not one of the model's labels` });
    }
  }
  const vocabulary = model.vocabulary;
  for (let i = 1; i < vocabulary.length; i++) {
    if (!(vocabulary[i - 1]! < vocabulary[i]!)) {
      issues.push({ path: ['vocabulary', i], message: `vocabulary must be sorted and unique: "${vocabulary[i]}" follows "${vocabulary[i - 1]}"` });
      break;
    }
  }
  const countArrays = Object.entries(model.counts);
  if (model.gate) countArrays.push(['(gate)', model.gate.counts]);
  for (const [label, { pos, neg }] of countArrays) {
    for (const [side, array] of [['pos', pos], ['neg', neg]] as const) {
      if (array.length !== vocabulary.length) {
        issues.push({
          path: label === '(gate)' ? ['gate', 'counts', side] : ['counts', label, side],
          message: `has ${array.length} entries but the vocabulary has ${vocabulary.length}: arrays must be aligned to the vocabulary`,
        });
      }
    }
  }
  if (model.gate && model.gate.positives > model.training.examples) {
    issues.push({ path: ['gate', 'positives'], message: `${model.gate.positives} examples state practice but training had only ${model.training.examples}` });
  }
  for (const [label, n] of Object.entries(model.training.labelCounts)) {
    if (n > model.training.examples) {
      issues.push({ path: ['training', 'labelCounts', label], message: `${n} examples carry the label but training had only ${model.training.examples}` });
    }
  }
  return issues;
}

/** JSON Schema of the model file, for editors and other tools. */
export function modelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelFileSchema) as Record<string, unknown>;
}

function parseJson(text: string, file: string | undefined): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // tolerate a byte-order mark
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    const truncated = /end of (JSON )?input|Unterminated/i.test(detail) ? ' (the file looks truncated)' : '';
    throw new ModelError(`the model file is not valid JSON${truncated}: ${detail}`, { file, line });
  }
}

function describe(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}
