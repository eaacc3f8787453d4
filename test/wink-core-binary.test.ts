// wink's core model in the build's binary form (scripts/compile-wink-model.mjs writes it,
// src/files/wink-core-binary.ts reads it) must be the package's JSON exactly, and a file
// that is not exactly that must be refused so the JSON is read instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodeWinkCoreModel } from '../scripts/compile-wink-model.mjs';
import { decodeWinkCoreModel, lexemeIndex } from '../src/files/wink-core-binary';
import { CHECKED_WINK_MODEL_VERSION } from '../src/files/wink-english-model';
import { winkCoreBinaryPath } from '../src/files/package-paths';

const manifest = createRequire(import.meta.url).resolve('wink-eng-lite-web-model/package.json');
const json = readFileSync(join(dirname(manifest), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json'), 'utf8');
const version = CHECKED_WINK_MODEL_VERSION;

/** The core model as wink's own reader decodes it, before any indexing. */
function fromJson() {
  const model = JSON.parse(json);
  const words = (b64: string) => { const bytes = Uint8Array.from(Buffer.from(b64, 'base64')); return new Uint32Array(bytes.buffer); };
  model.lexicon = words(model.lexicon);
  model.xpansions = words(model.xpansions);
  return model;
}

describe('wink core model, binary form', () => {
  const bytes = encodeWinkCoreModel(json, version)!;

  it('decodes to the package JSON, lexicon and lexemes included', () => {
    const decoded = decodeWinkCoreModel(bytes, version)!.model;
    const expected = fromJson();
    expect(decoded.features.lexeme!.list).toEqual(expected.features.lexeme.list);
    expect(decoded.lexicon).toEqual(expected.lexicon);
    expect(isDeepStrictEqual(decoded, expected)).toBe(true);
    // Each decode is a fresh copy: wink adds the words it meets to its own.
    expect(decodeWinkCoreModel(bytes, version)!.model.features.lexeme!.list).not.toBe(decoded.features.lexeme!.list);
  });

  it('finds every lexeme at its position through the hash table, and nothing else', () => {
    const { model, lexemeTable } = decodeWinkCoreModel(bytes, version)!;
    const list = model.features.lexeme!.list as string[];
    const hash = lexemeIndex(list, lexemeTable);
    expect(list.every((word, k) => hash[word] === k)).toBe(true);
    // Looked up by equal strings built afresh, as wink's tokenizer hands them over.
    expect(list.every((word, k) => hash[[...word].join('')] === k)).toBe(true);
    for (const absent of ['', 'zzyzx', 'GP.x', 'safeguarding-partnership-x', '__proto__', 'zzconstructor']) expect(hash[absent], absent).toBeUndefined();
    // wink adds the words it meets; they are found after, and the table's are not shadowed.
    hash.zzyzx = list.push('zzyzx') - 1;
    expect(hash.zzyzx).toBe(list.length - 1);
    expect(hash[list[100]!]).toBe(100);
  });

  it('decodes the same from bytes that are not 4-byte aligned in memory', () => {
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    const unaligned = decodeWinkCoreModel(shifted.subarray(1), version)!.model;
    expect(unaligned.lexicon).toEqual(fromJson().lexicon);
    expect(unaligned.xpansions).toEqual(fromJson().xpansions);
  });

  it('is what the build wrote into dist/', () => {
    expect(Buffer.compare(readFileSync(winkCoreBinaryPath()), bytes)).toBe(0);
  });

  it('is refused for another wink model version, cut short, or damaged', () => {
    expect(decodeWinkCoreModel(bytes, '0.0.1')).toBeUndefined();
    expect(decodeWinkCoreModel(bytes.subarray(0, bytes.length - 1), version)).toBeUndefined();
    expect(decodeWinkCoreModel(bytes.subarray(0, 3), version)).toBeUndefined();
    const headerCut = Buffer.from(bytes);
    headerCut.writeUInt32LE(bytes.length, 0);
    expect(decodeWinkCoreModel(headerCut, version)).toBeUndefined();
    const garbled = Buffer.from(bytes);
    garbled[10] = 0xff;
    expect(decodeWinkCoreModel(garbled, version)).toBeUndefined();
    // A lexeme lost to a NUL: the count no longer matches.
    const merged = Buffer.from(bytes);
    merged[merged.length - 3] = 0;
    expect(decodeWinkCoreModel(merged, version)).toBeUndefined();
  });
});
