/**
 * Reading a model file: parseModel validates the schema (model-schema.ts), the
 * consistency of labels and arrays, and the content hash, so a damaged or edited
 * file is refused instead of silently changing scores.
 */
import { z } from 'zod';
import { ModelError, toIssues, type Issue } from '../errors';
import { gateSchema, labelIdSchema, MODEL_FILE_VERSION, MODEL_FORMAT, modelFileSchema, type ModelFile } from './model-schema';
import { hashedTextOf, modelContentHash } from './serialize-model';
import { sha256Hex } from '../hash';

export * from './model-schema';
export { serializeModel, modelContentHash } from './serialize-model';

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
  counts: z.record(labelIdSchema, z.strictObject({ pos: countList, neg: countList })),
  gate: gateSchema.extend({ counts: z.strictObject({ pos: countList, neg: countList }) }).optional(),
});

/** Where the model came from, for error messages. */
export interface ParseModelOptions {
  /** File name to put in error messages. */
  readonly file?: string;
  /**
   * Require a `contentHash` that matches the content. Turn it off only to re-stamp a
   * file you changed on purpose (scripts/stamp-model-hash.mjs does).
   * @default true
   */
  readonly verifyContentHash?: boolean;
}

/** Result of {@link safeParseModel}. */
export type SafeParseModelResult = { success: true; data: ModelFile } | { success: false; error: ModelError };

/**
 * Validates a model file given as a JSON string or an already parsed value.
 * @throws ModelError `MODEL_VERSION` when the format name or version is not ours,
 *   `INVALID_MODEL` (with JSON paths) when the file is damaged, inconsistent, has
 *   no content hash, or its content does not match its hash.
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
  // A file exactly as serializeModel wrote it is checked by hashing its own text, which is
  // cheaper than re-serialising the model; any other text is checked through its content.
  const textMatches = typeof json === 'string' && fileTextMatchesHash(json, result.data.contentHash);
  if (options.verifyContentHash !== false && !textMatches) verifyContentHash(result.data, file);
  consistent.add(result.data);
  return result.data;
}

// Models parseModel checked (zod returns a fresh object), so createClassifier need not check them again.
const consistent = new WeakSet<object>();

/**
 * A parsed model file whose content the build has already checked with parseModel: the
 * caller has established that the file's text hashes to its content hash and that the
 * build's tables (dist/compiled-model.bin, made from the model parseModel returned)
 * record that same hash. The schema still runs, so its defaults are applied as parseModel
 * applies them, but over the model without its large arrays (vocabulary and counts, whose
 * elements and lengths the build checked, as it checked the rest). Internal to loadModel.
 */
export function adoptBuildCheckedModel(json: unknown): ModelFile {
  const file = json as ModelFile;
  const emptyCounts = { pos: [], neg: [] };
  const skeleton = {
    ...file,
    vocabulary: [],
    counts: Object.fromEntries(Object.keys(file.counts).map((label) => [label, emptyCounts])),
    ...(file.gate ? { gate: { ...file.gate, counts: emptyCounts } } : {}),
  };
  const parsed = loadSchema.parse(skeleton);
  const model: ModelFile = {
    ...parsed,
    vocabulary: file.vocabulary,
    counts: file.counts,
    ...(parsed.gate ? { gate: { ...parsed.gate, counts: file.gate!.counts } } : {}),
  };
  consistent.add(model);
  return model;
}

/** True for a model returned by parseModel (so already checked for consistency). */
export function isCheckedModel(model: unknown): boolean {
  return typeof model === 'object' && model !== null && consistent.has(model);
}

/** Records a model made from a checked one and checked with it (the practice gate's one-label model). */
export function markChecked(model: ModelFile): void {
  consistent.add(model);
}

/**
 * True when `fileText` without its contentHash line hashes to `contentHash`: the file is
 * byte for byte what serializeModel wrote for a model with that hash, so its content is intact.
 * `sha256` may be a faster (native) implementation of the same function.
 */
export function fileTextMatchesHash(fileText: string, contentHash: string | undefined, sha256: (text: string) => string = sha256Hex): boolean {
  const hashed = hashedTextOf(fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText);
  return contentHash !== undefined && hashed !== undefined && hashed.contentHash === contentHash && sha256(hashed.text) === contentHash;
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

/** Throws unless the model carries a content hash equal to the hash of its content. */
function verifyContentHash(model: ModelFile, file: string | undefined): void {
  const stamp = 'node scripts/stamp-model-hash.mjs FILE';
  if (model.contentHash === undefined) {
    throw new ModelError(`the model file has no contentHash; if you trust its content, add one with \`${stamp}\``, {
      file,
      issues: [{ path: ['contentHash'], message: 'missing' }],
    });
  }
  const actual = modelContentHash(model);
  if (actual !== model.contentHash) {
    throw new ModelError('the model file is damaged or was edited: its content does not match its contentHash', {
      file,
      issues: [{ path: ['contentHash'], message: `recorded ${model.contentHash}, content hashes to ${actual}; retrain, or re-stamp a deliberate edit with \`${stamp}\`` }],
    });
  }
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
