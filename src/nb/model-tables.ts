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
 * the header as JSON, zero padding to 8 bytes, then the sections it lists. Weights are
 * stored as each label's distinct values (a few thousand: they follow from small
 * counts) and a 16-bit code per weight, a third of the raw doubles' size; decoding is
 * one pass of array reads, and gives the very same doubles.
 */
import { featureVocabulary, pairTriples } from '../text/feature-encoding';
import { gateModelOf } from './gate-model';
import { isCheckedModel, type ModelFile } from './model-file';
import { compileWeights, vocabularyIndex, weightInputOf } from './weights';

const MAGIC = 'PTTABLE1';
const FORMAT = 'practice-themes-model-tables';
const VERSION = 1;

/** Precomputed weights of one classifier: `weights[f * labels + l]`, and each label's bias. */
export interface PrecomputedWeights {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

type SectionType = 'f64' | 'i32' | 'u16';
type SectionArray = Float64Array | Int32Array | Uint16Array;
const WIDTH: Record<SectionType, number> = { f64: 8, i32: 4, u16: 2 };

interface Header {
  format: string;
  version: number;
  contentHash: string;
  labels: string[];
  size: number;
  littleEndian: boolean;
  sections: { name: string; type: SectionType; offset: number; length: number }[];
}

// By model file; the gate's weights by its derived one-label model (gate-model.ts).
const attachedWeights = new WeakMap<ModelFile, PrecomputedWeights>();
const attachedPairs = new WeakMap<readonly string[], Int32Array>();

/**
 * The derived tables of a model as bytes (see the file comment). For a model without a
 * gate the gate's section is left out; the bigram table is left out when the vocabulary
 * cannot use one.
 */
export function precompileModelTables(model: ModelFile): Uint8Array {
  if (model.contentHash === undefined) throw new TypeError('precompileModelTables: the model has no contentHash (serialize it first)');
  const index = vocabularyIndex(model.vocabulary);
  const classifier = compileWeights(weightInputOf(model, index));
  const gateModel = gateModelOf(model);
  const gate = gateModel ? compileWeights(weightInputOf(gateModel, index)) : undefined;
  const triples = pairTriples(featureVocabulary(model.vocabulary, index, model.features));
  const arrays: [string, SectionArray][] = [
    ...encodeWeights('classifier', classifier.weights, model.labels.length),
    ['classifier.bias', classifier.bias],
    ...(gate ? [...encodeWeights('gate', gate.weights, 1), ['gate.bias', gate.bias] as [string, SectionArray]] : []),
    ...(triples ? [['pairs', triples] as [string, SectionArray]] : []),
  ];
  const sections: Header['sections'] = [];
  let offset = 0;
  for (const [name, array] of arrays) {
    sections.push({ name, type: array instanceof Float64Array ? 'f64' : array instanceof Int32Array ? 'i32' : 'u16', offset, length: array.length });
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
  const weights = decodeWeights(tables, 'classifier', size, labels);
  const bias = tables.arrays.get('classifier.bias');
  if (!weights || !(bias instanceof Float64Array) || bias.length !== labels) return false;
  const gateWeights = model.gate ? decodeWeights(tables, 'gate', size, 1) : undefined;
  const gateBias = tables.arrays.get('gate.bias');
  if (model.gate && (!gateWeights || !(gateBias instanceof Float64Array) || gateBias.length !== 1)) return false;
  const pairs = tables.arrays.get('pairs');
  if (pairs && (!(pairs instanceof Int32Array) || !validPairs(pairs, size))) return false;
  if (!allFinite(bias) || (gateBias instanceof Float64Array && !allFinite(gateBias))) return false;
  attachedWeights.set(model, { weights, bias });
  const gateModel = gateModelOf(model);
  if (gateModel) attachedWeights.set(gateModel, { weights: gateWeights!, bias: gateBias as Float64Array });
  if (pairs) attachedPairs.set(model.vocabulary, pairs);
  return true;
}

/** The content hash of the model `bytes` were made for (their header's), or undefined when they are not such tables. */
export function modelTablesContentHash(bytes: Uint8Array): string | undefined {
  const hash = readTables(bytes)?.header.contentHash;
  return typeof hash === 'string' ? hash : undefined;
}

/** The attached weights of a model's classifier (or of a gate's derived model), if any. */
export function attachedWeightsOf(model: ModelFile): PrecomputedWeights | undefined {
  return attachedWeights.get(model);
}

/** The attached bigram table of a vocabulary as (row a, row b, row) triples, if any. */
export function attachedPairsOf(vocabulary: readonly string[]): Int32Array | undefined {
  return attachedPairs.get(vocabulary);
}

interface Tables {
  readonly header: Header;
  readonly arrays: Map<string, SectionArray>;
}

/**
 * A classifier's weights as sections: each label's distinct values (`.values`, the labels'
 * lists one after another, `.starts` where each begins) and one code per weight (`.codes`,
 * laid out as the weights are). Raw doubles (`.weights`) when a label has more distinct
 * values than 16 bits can number.
 */
function encodeWeights(name: string, weights: Float64Array, labels: number): [string, SectionArray][] {
  const codes = new Uint16Array(weights.length);
  const values: number[] = [];
  const starts = new Int32Array(labels + 1);
  for (let l = 0; l < labels; l++) {
    starts[l] = values.length;
    const codeOf = new Map<number, number>();
    for (let i = l; i < weights.length; i += labels) {
      const w = weights[i]!;
      let code = codeOf.get(w);
      if (code === undefined) {
        code = codeOf.size;
        if (code > 0xffff) return [[`${name}.weights`, weights]];
        codeOf.set(w, code);
        values.push(w);
      }
      codes[i] = code;
    }
  }
  starts[labels] = values.length;
  return [
    [`${name}.values`, Float64Array.from(values)],
    [`${name}.starts`, starts],
    [`${name}.codes`, codes],
  ];
}

/** The weights {@link encodeWeights} stored, or undefined when their sections do not fit. */
function decodeWeights(tables: Tables, name: string, size: number, labels: number): Float64Array | undefined {
  const raw = tables.arrays.get(`${name}.weights`);
  if (raw) return raw instanceof Float64Array && raw.length === size * labels && allFinite(raw) ? raw : undefined;
  const values = tables.arrays.get(`${name}.values`);
  const starts = tables.arrays.get(`${name}.starts`);
  const codes = tables.arrays.get(`${name}.codes`);
  if (!(values instanceof Float64Array) || !(starts instanceof Int32Array) || !(codes instanceof Uint16Array) || !allFinite(values)) return undefined;
  if (codes.length !== size * labels || starts.length !== labels + 1 || starts[labels] !== values.length) return undefined;
  const weights = new Float64Array(codes.length);
  for (let l = 0; l < labels; l++) {
    const start = starts[l]!;
    const count = starts[l + 1]! - start;
    if (!(start >= 0 && count >= 0)) return undefined;
    for (let i = l; i < codes.length; i += labels) {
      const code = codes[i]!;
      if (code >= count) return undefined;
      weights[i] = values[start + code]!;
    }
  }
  return weights;
}

/** Whole (row a, row b, row) triples, every row inside the vocabulary. */
function validPairs(triples: Int32Array, size: number): boolean {
  if (triples.length % 3 !== 0) return false;
  for (let k = 0; k < triples.length; k++) if (!(triples[k]! >= 0 && triples[k]! < size)) return false;
  return true;
}

function allFinite(values: Float64Array): boolean {
  for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k]!)) return false;
  return true;
}

function readTables(bytes: Uint8Array): Tables | undefined {
  try {
    if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) return undefined;
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))) as Header;
    if (header.format !== FORMAT || header.version !== VERSION || header.littleEndian !== isLittleEndian() || !Array.isArray(header.sections)) return undefined;
    if (!Array.isArray(header.labels) || !header.labels.every((l) => typeof l === 'string') || !Number.isInteger(header.size)) return undefined;
    const start = align8(MAGIC.length + 4 + headerLength);
    // Typed-array views need aligned offsets; a buffer that is not aligned is copied once.
    const base = (bytes.byteOffset + start) % 8 === 0 ? bytes : bytes.slice();
    const arrays = new Map<string, SectionArray>();
    for (const s of header.sections) {
      const width = WIDTH[s.type];
      if (width === undefined || !Number.isInteger(s.length) || s.length < 0 || s.offset % 8 !== 0 || start + s.offset + s.length * width > base.byteLength) return undefined;
      const at = base.byteOffset + start + s.offset;
      arrays.set(s.name, s.type === 'f64' ? new Float64Array(base.buffer, at, s.length) : s.type === 'i32' ? new Int32Array(base.buffer, at, s.length) : new Uint16Array(base.buffer, at, s.length));
    }
    return { header, arrays };
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
