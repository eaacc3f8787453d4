/**
 * Model file serialisation: stable key order, numbers exactly as JavaScript
 * prints them, compact arrays, and a content hash of that text. Kept apart from
 * file IO (saving is the node entry's job).
 */
import { sha256Hex } from '../hash';
import type { ModelFile } from './model-schema';

/**
 * The model as JSON text: keys in schema order, label-keyed records in label
 * order, numbers exactly as JavaScript prints them (no rounding), arrays of
 * numbers and strings on one line so the header stays reviewable. The
 * `contentHash` written is computed afresh from the content (any value the model
 * carries is ignored), so the file always matches its hash.
 */
export function serializeModel(model: ModelFile): string {
  const body = canonicalText(model);
  // The hash goes after "version"; everything else is the hashed text itself.
  const at = body.indexOf('\n', body.indexOf('"version"')) + 1;
  return `${body.slice(0, at)}  "contentHash": "${sha256Hex(body)}",\n${body.slice(at)}`;
}

/** SHA-256 (hex) of the model's canonical text without its contentHash: what the file records. */
export function modelContentHash(model: ModelFile): string {
  return sha256Hex(canonicalText(model));
}

/**
 * The text a model file's contentHash covers, recovered from the file's own text: the
 * file without its contentHash line. Undefined when the file has no such line. When
 * the file is exactly as serializeModel wrote it, hashing this text gives the recorded
 * hash, so a loader can check the file's bytes with one (native) SHA-256 instead of
 * re-serialising the model; a file whose text differs (edited, or re-formatted) hashes
 * differently and must be checked through its content (modelContentHash).
 */
export function hashedTextOf(fileText: string): { readonly contentHash: string; readonly text: string } | undefined {
  const line = CONTENT_HASH_LINE.exec(fileText);
  if (line === null) return undefined;
  return { contentHash: line[1]!, text: fileText.slice(0, line.index + 1) + fileText.slice(line.index + line[0].length) };
}

// The line serializeModel writes (top level: two spaces of indentation), with the newline before it.
const CONTENT_HASH_LINE = /\n  "contentHash": "([0-9a-f]{64})",\n/;

/** The serialised model without the contentHash line. */
function canonicalText(model: ModelFile): string {
  const perLabel = <T>(fn: (label: string) => T): Record<string, T> => Object.fromEntries(model.labels.map((label) => [label, fn(label)]));
  const { calibration, lengthNorm, training } = model;
  const cv = model.metrics.crossValidated;
  const canonical = {
    format: model.format,
    version: model.version,
    name: model.name,
    labels: model.labels,
    thresholds: perLabel((label) => model.thresholds[label]!),
    variant: model.variant,
    smoothing: pick(model.smoothing, ['method', 'alpha']),
    lengthNorm: lengthNorm.method === 'sqrt' ? pick(lengthNorm, ['method', 'reference']) : pick(lengthNorm, ['method']),
    calibration:
      calibration.method === 'platt'
        ? { method: calibration.method, perLabel: perLabel((label) => pick(calibration.perLabel[label]!, ['scale', 'shift'])) }
        : pick(calibration, ['method']),
    features: pick(model.features, ['ngramRange', 'negation', 'stopWords', 'lowercase', 'minCount', 'binary']),
    training: {
      corpusHash: training.corpusHash,
      examples: training.examples,
      labelCounts: perLabel((label) => training.labelCounts[label]!),
      ...(training.calibration ? { calibration: pick(training.calibration, ['description', 'examples', 'groups', 'weight']) } : {}),
    },
    metrics: {
      crossValidated: {
        folds: cv.folds,
        seed: cv.seed,
        perLabel: perLabel((label) => pick(cv.perLabel[label]!, ['precision', 'recall', 'f1', 'support', 'threshold', 'logLoss'])),
        micro: pick(cv.micro, ['precision', 'recall', 'f1']),
        macro: pick(cv.macro, ['precision', 'recall', 'f1']),
      },
    },
    vocabulary: model.vocabulary,
    counts: perLabel((label) => pick(model.counts[label]!, ['pos', 'neg'])),
    // Last, after the other large arrays, so the header stays reviewable.
    ...(model.gate
      ? { gate: { threshold: model.gate.threshold, scaling: pick(model.gate.scaling, ['scale', 'shift']), positives: model.gate.positives, counts: pick(model.gate.counts, ['pos', 'neg']) } }
      : {}),
  };
  return stringify(canonical, '') + '\n';
}

/** A copy with only `keys`, in that order. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

/** JSON with 2-space indentation, except arrays of primitives, which stay on one line. */
function stringify(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    // One native call for the large count and vocabulary arrays (same text as joining items).
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

