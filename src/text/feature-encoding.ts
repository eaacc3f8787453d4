/**
 * Features encoded as rows of a classifier's vocabulary: the same features as
 * features.ts extracts, looked up without a string or an object per feature where
 * the vocabulary allows (unigrams by key, bigrams by the rows of their parts).
 */
import { extractFeatures, forEachUnit, negatedWordFeatures, type FeatureSettings } from './features';
import type { Token } from './types';

/**
 * How a classifier's vocabulary is looked up when encoding (see {@link encodeFeatures}):
 * single keys by string, and two-unit keys by the rows of their two parts, so a bigram
 * is found without building its string.
 */
export interface FeatureVocabulary {
  /** Feature key -> row. */
  readonly index: ReadonlyMap<string, number>;
  /** Number of rows. */
  readonly size: number;
  /**
   * `row(a) * size + row(b)` -> row of the key "a b", for every two-part key; null
   * when that cannot stand in for strings (n-grams other than 1..2, or a two-part
   * key whose parts are not keys themselves, possible with features given to training).
   */
  readonly pairs: ReadonlyMap<number, number> | null;
}

/** Builds the lookup of {@link encodeFeatures} for a vocabulary (keys in row order). */
export function featureVocabulary(vocabulary: readonly string[], index: ReadonlyMap<string, number>, settings: FeatureSettings): FeatureVocabulary {
  const size = vocabulary.length;
  const [minN, maxN] = settings.ngramRange;
  let pairs: Map<number, number> | null = minN === 1 && maxN <= 2 ? new Map() : null;
  for (let row = 0; pairs !== null && row < size; row++) {
    const key = vocabulary[row]!;
    const space = key.indexOf(' ');
    if (space < 0) continue;
    const a = index.get(key.slice(0, space));
    const b = index.get(key.slice(space + 1));
    if (a === undefined || b === undefined || key.indexOf(' ', space + 1) >= 0) pairs = null;
    else pairs.set(a * size + b, row);
  }
  return { index, size, pairs };
}

/** A vocabulary's bigram table as flat (row a, row b, row) triples, to store; null when it has none. */
export function pairTriples(vocabulary: FeatureVocabulary): Int32Array | null {
  const { pairs, size } = vocabulary;
  if (pairs === null) return null;
  const triples = new Int32Array(pairs.size * 3);
  let k = 0;
  for (const [key, row] of pairs) {
    triples[k++] = Math.floor(key / size);
    triples[k++] = key % size;
    triples[k++] = row;
  }
  return triples;
}

/** The lookup {@link featureVocabulary} builds, from its index and stored {@link pairTriples}. */
export function featureVocabularyFromTriples(index: ReadonlyMap<string, number>, size: number, triples: Int32Array): FeatureVocabulary {
  const pairs = new Map<number, number>();
  for (let k = 0; k < triples.length; k += 3) pairs.set(triples[k]! * size + triples[k + 1]!, triples[k + 2]!);
  return { index, size, pairs };
}

/**
 * The features of one sentence that are in the vocabulary, as rows and spans, in the
 * order {@link extractFeatures} lists them (features outside the vocabulary are left
 * out: they carry no evidence). Same result as looking up each extracted key, without
 * building a string or an object per feature.
 */
export interface EncodedFeatures {
  /** Flat triples: row, start, end of each feature, in order. */
  readonly triples: ArrayLike<number>;
}

/** Encodes one sentence's features as vocabulary rows (see {@link EncodedFeatures}). */
export function encodeFeatures(tokens: readonly Token[], settings: FeatureSettings, vocabulary: FeatureVocabulary): EncodedFeatures {
  return (vocabulary.pairs !== null && encodeByRows(tokens, settings, vocabulary)) || encodeByKeys(tokens, settings, vocabulary.index);
}

/** The general encoding: extract each feature's key, then look it up. */
function encodeByKeys(tokens: readonly Token[], settings: FeatureSettings, index: ReadonlyMap<string, number>): EncodedFeatures {
  const out: number[] = [];
  for (const feature of extractFeatures(tokens, settings)) {
    const row = index.get(feature.key);
    if (row !== undefined) out.push(row, feature.start, feature.end);
  }
  return { triples: out };
}

// Scratch of encodeByRows, one entry per unit, reused from sentence to sentence
// (encoding is synchronous): rows (-1 outside the vocabulary), spans, run numbers.
let unitRow = new Int32Array(256);
let unitStart = new Int32Array(256);
let unitEnd = new Int32Array(256);
let unitRun = new Int32Array(256);
// Scratch of the triples; each sentence's are copied out at their exact length.
let tripleScratch = new Int32Array(1024);

/**
 * The encoding of unigrams and bigrams without building a unit or a key per
 * n-gram: the units of forEachUnit as rows in scratch arrays, bigrams by the rows
 * of their parts. False when a unit's key holds a space, which a row pair cannot
 * stand for (the caller then encodes by keys).
 */
function encodeByRows(tokens: readonly Token[], settings: FeatureSettings, vocabulary: FeatureVocabulary): EncodedFeatures | false {
  const { index, pairs, size } = vocabulary;
  if (unitRow.length < tokens.length) {
    const length = Math.max(tokens.length, unitRow.length * 2);
    unitRow = new Int32Array(length);
    unitStart = new Int32Array(length);
    unitEnd = new Int32Array(length);
    unitRun = new Int32Array(length);
  }
  let n = 0;
  let run = 0;
  let spaced = false;
  forEachUnit(tokens, settings, {
    add(key, start, end) {
      if (key.includes(' ')) spaced = true;
      unitRow[n] = index.get(key) ?? -1;
      unitStart[n] = start;
      unitEnd[n] = end;
      unitRun[n] = run;
      n++;
    },
    extendLast(end) {
      unitEnd[n - 1] = end;
    },
    endRun() {
      run++;
    },
  });
  if (spaced) return false;
  const negated = negatedWordFeatures(tokens, settings);
  // At most a unigram and a bigram per unit, and the negated words.
  if (tripleScratch.length < 3 * (2 * n + negated.length)) tripleScratch = new Int32Array(Math.max(3 * (2 * n + negated.length), 2 * tripleScratch.length));
  const out = tripleScratch;
  let k = 0;
  for (let u = 0; u < n; u++) {
    if (unitRow[u]! < 0) continue;
    out[k++] = unitRow[u]!;
    out[k++] = unitStart[u]!;
    out[k++] = unitEnd[u]!;
  }
  if (settings.ngramRange[1] >= 2) {
    for (let u = 0; u + 1 < n; u++) {
      const a = unitRow[u]!;
      const b = unitRow[u + 1]!;
      if (a < 0 || b < 0 || unitRun[u] !== unitRun[u + 1]) continue;
      const row = pairs!.get(a * size + b);
      if (row === undefined) continue;
      out[k++] = row;
      out[k++] = unitStart[u]!;
      out[k++] = unitEnd[u + 1]!;
    }
  }
  for (const feature of negated) {
    const row = index.get(feature.key);
    if (row === undefined) continue;
    out[k++] = row;
    out[k++] = feature.start;
    out[k++] = feature.end;
  }
  return { triples: out.slice(0, k) };
}
