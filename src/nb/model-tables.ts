/**
 * A model's derived tables, computed ahead of time: the classifier's and the gate's
 * weights and biases (what compileWeights makes of the counts) and the bigram table
 * of the feature vocabulary (what featureVocabulary makes of the keys). Computing
 * them on the first tag costs about 40 ms of cold loops over some 43,000 features by
 * 7 labels; the build writes them for the shipped model (dist/compiled-model.bin),
 * and loadModel attaches them to that model. They are used only for the checked model
 * whose content hash they were made from; anything else is computed as before. The
 * numbers are the same: they are made by compileWeights and featureVocabulary.
 *
 * Binary layout (platform byte order, recorded): 8 bytes magic, uint32 header length,
 * the header as JSON, zero padding to 8 bytes, then the sections it lists.
 */
import { featureVocabulary } from '../text/feature-encoding';
import { isCheckedModel, type ModelFile } from './model-file';
import { compileWeights, vocabularyIndex, type WeightInput } from './weights';

const MAGIC = 'PTTABLE1';
const FORMAT = 'practice-themes-model-tables';
const VERSION = 1;

/** Precomputed weights of one classifier: `weights[f * labels + l]`, and each label's bias. */
export interface PrecomputedWeights {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

interface Header {
  format: string;
  version: number;
  contentHash: string;
  labels: string[];
  size: number;
  littleEndian: boolean;
  sections: { name: string; type: 'f64' | 'i32'; offset: number; length: number }[];
}

const attachedWeights = new WeakMap<ModelFile, PrecomputedWeights>();
const attachedGateWeights = new WeakMap<ModelFile, PrecomputedWeights>();
const attachedPairs = new WeakMap<readonly string[], Int32Array>();

/** The inputs of compileWeights for a model's labels, or for its gate as one label. */
function weightInputOf(model: ModelFile, gate: boolean): WeightInput {
  const calibration = model.calibration.method === 'platt' ? model.calibration.perLabel : undefined;
  const base = {
    vocabulary: model.vocabulary,
    examples: model.training.examples,
    alpha: model.smoothing.alpha,
    variant: model.variant,
    lengthNorm: model.lengthNorm,
    binary: model.features.binary,
  };
  if (!gate) return { ...base, labels: model.labels, counts: model.counts, labelCounts: model.training.labelCounts, calibration };
  const g = model.gate!;
  return { ...base, labels: ['gate'], counts: { gate: g.counts }, labelCounts: { gate: g.positives }, calibration: { gate: g.scaling } };
}

/**
 * The derived tables of a model as bytes (see the file comment). For a model without a
 * gate the gate's section is left out; the bigram table is left out when the vocabulary
 * cannot use one.
 */
export function precompileModelTables(model: ModelFile): Uint8Array {
  if (model.contentHash === undefined) throw new TypeError('precompileModelTables: the model has no contentHash (serialize it first)');
  const index = vocabularyIndex(model.vocabulary);
  const classifier = compileWeights({ ...weightInputOf(model, false), index });
  const gate = model.gate ? compileWeights({ ...weightInputOf(model, true), index }) : undefined;
  const { pairs } = featureVocabulary(model.vocabulary, index, model.features);
  const triples = pairs === null ? undefined : Int32Array.from([...pairs].flatMap(([key, row]) => [Math.floor(key / model.vocabulary.length), key % model.vocabulary.length, row]));
  const arrays: [string, Float64Array | Int32Array][] = [
    ['classifier.weights', classifier.weights],
    ['classifier.bias', classifier.bias],
    ...(gate ? ([['gate.weights', gate.weights], ['gate.bias', gate.bias]] as [string, Float64Array][]) : []),
    ...(triples ? ([['pairs', triples]] as [string, Int32Array][]) : []),
  ];
  const sections: Header['sections'] = [];
  let offset = 0;
  for (const [name, array] of arrays) {
    sections.push({ name, type: array instanceof Float64Array ? 'f64' : 'i32', offset, length: array.length });
    offset = align8(offset + array.byteLength);
  }
  const header: Header = { format: FORMAT, version: VERSION, contentHash: model.contentHash, labels: [...model.labels], size: model.vocabulary.length, littleEndian: isLittleEndian(), sections };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(MAGIC.length + 4 + headerBytes.length);
  const out = new Uint8Array(start + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length, true);
  out.set(headerBytes, MAGIC.length + 4);
  arrays.forEach(([, array], i) => out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + sections[i]!.offset));
  return out;
}

/**
 * Attaches tables made by {@link precompileModelTables} to a model checked by parseModel
 * (or loadModel), so building its classifier and gate uses them. Returns false, and
 * attaches nothing, when they are not this model's: another content hash, other labels
 * or vocabulary size, another byte order, or bytes that are damaged or truncated.
 */
export function attachModelTables(model: ModelFile, bytes: Uint8Array): boolean {
  if (!isCheckedModel(model) || model.contentHash === undefined) return false;
  const tables = readTables(bytes);
  if (!tables || tables.header.contentHash !== model.contentHash || tables.header.size !== model.vocabulary.length) return false;
  if (tables.header.labels.length !== model.labels.length || tables.header.labels.some((l, i) => l !== model.labels[i])) return false;
  const labels = model.labels.length;
  const size = model.vocabulary.length;
  const weights = tables.f64.get('classifier.weights');
  const bias = tables.f64.get('classifier.bias');
  if (weights?.length !== size * labels || bias?.length !== labels) return false;
  const gateWeights = tables.f64.get('gate.weights');
  const gateBias = tables.f64.get('gate.bias');
  if (model.gate && (gateWeights?.length !== size || gateBias?.length !== 1)) return false;
  const pairs = tables.i32.get('pairs');
  if (pairs && pairs.length % 3 !== 0) return false;
  attachedWeights.set(model, { weights, bias });
  if (model.gate) attachedGateWeights.set(model, { weights: gateWeights!, bias: gateBias! });
  if (pairs) attachedPairs.set(model.vocabulary, pairs);
  return true;
}

/** Attaches a gate's weights to the one-label model the gate's classifier is built from. */
export function attachWeights(model: ModelFile, weights: PrecomputedWeights): void {
  attachedWeights.set(model, weights);
}

/** The attached weights of a model's classifier, if any. */
export function attachedWeightsOf(model: ModelFile): PrecomputedWeights | undefined {
  return attachedWeights.get(model);
}

/** The attached weights of a model's gate, if any. */
export function attachedGateWeightsOf(model: ModelFile): PrecomputedWeights | undefined {
  return attachedGateWeights.get(model);
}

/** The attached bigram table of a vocabulary as (row a, row b, row) triples, if any. */
export function attachedPairsOf(vocabulary: readonly string[]): Int32Array | undefined {
  return attachedPairs.get(vocabulary);
}

function readTables(bytes: Uint8Array): { header: Header; f64: Map<string, Float64Array>; i32: Map<string, Int32Array> } | undefined {
  try {
    if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) return undefined;
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))) as Header;
    if (header.format !== FORMAT || header.version !== VERSION || header.littleEndian !== isLittleEndian() || !Array.isArray(header.sections)) return undefined;
    if (!Array.isArray(header.labels) || !header.labels.every((l) => typeof l === 'string') || !Number.isInteger(header.size)) return undefined;
    const start = align8(MAGIC.length + 4 + headerLength);
    // Typed-array views need aligned offsets; a buffer that is not aligned is copied once.
    const base = (bytes.byteOffset + start) % 8 === 0 ? bytes : bytes.slice();
    const f64 = new Map<string, Float64Array>();
    const i32 = new Map<string, Int32Array>();
    for (const s of header.sections) {
      const width = s.type === 'f64' ? 8 : 4;
      const at = base.byteOffset + start + s.offset;
      if (!Number.isInteger(s.length) || s.length < 0 || start + s.offset + s.length * width > base.byteLength) return undefined;
      if (s.type === 'f64') f64.set(s.name, new Float64Array(base.buffer, at, s.length));
      else i32.set(s.name, new Int32Array(base.buffer, at, s.length));
    }
    return { header, f64, i32 };
  } catch {
    return undefined;
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
