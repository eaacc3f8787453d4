/**
 * Reads wink's English core model from the binary form the build writes
 * (scripts/compile-wink-model.mjs, dist/wink-core-model.bin): a small JSON header with
 * the model minus its three big parts, then the lexicon and expansions as 32-bit words,
 * a hash table of the lexemes, and the lexemes as UTF-8 separated by NUL. It gives what
 * JSON.parse of the package's file gives, with the lexicon and expansions already
 * decoded, at a fraction of the cost (no megabytes of JSON to parse, no base64, no
 * index of 87,593 words to build). Anything unexpected (another format or wink model
 * version, a cut or damaged file, another byte order) gives undefined, and the caller
 * reads the package's JSON as before.
 */
export const WINK_CORE_BINARY_FORMAT = 'practice-themes-wink-core';

/** The core model as JSON.parse gives it, with `lexicon` and `xpansions` decoded to words. */
export interface RawCoreModel {
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  features: Record<string, { list: unknown[] }>;
  [key: string]: unknown;
}

/** A decoded core model, and its lexemes' hash table (see scripts/compile-wink-model.mjs). */
export interface DecodedCoreModel {
  model: RawCoreModel;
  lexemeTable: Uint32Array;
}

interface Header {
  format: string;
  version: string;
  littleEndian: boolean;
  lexemeCount: number;
  sections: Record<'lexicon' | 'xpansions' | 'index' | 'lexemes', [offset: number, length: number]>;
  model: RawCoreModel;
}

const platformIsLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The core model in `bytes` if they are this format for wink model `version`, else undefined. */
export function decodeWinkCoreModel(bytes: Uint8Array, version: string): DecodedCoreModel | undefined {
  try {
    return decode(bytes, version);
  } catch {
    return undefined;
  }
}

function decode(bytes: Uint8Array, version: string): DecodedCoreModel | undefined {
  if (bytes.length < 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > bytes.length) return undefined;
  // Buffer's UTF-8 decoding: TextDecoder costs about 25 ms more on its first use.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = JSON.parse(buffer.toString('utf8', 4, 4 + headerLength)) as Header;
  if (header?.format !== WINK_CORE_BINARY_FORMAT || header.version !== version) return undefined;
  if (header.littleEndian !== platformIsLittleEndian) return undefined;
  const data = (4 + headerLength + 3) & ~3;
  const section = (name: keyof Header['sections']): Buffer => {
    const [offset, length] = header.sections[name];
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) throw new RangeError(name);
    if (data + offset + length > bytes.length) throw new RangeError(name);
    return buffer.subarray(data + offset, data + offset + length);
  };
  const model = header.model;
  const lexemes = section('lexemes').toString('utf8').split('\0');
  if (lexemes.length !== header.lexemeCount || model.features.lexeme?.list !== null) return undefined;
  model.lexicon = words32(section('lexicon'));
  model.xpansions = words32(section('xpansions'));
  const lexemeTable = words32(section('index'));
  if (lexemeTable.length < lexemes.length || (lexemeTable.length & (lexemeTable.length - 1)) !== 0) return undefined;
  model.features.lexeme.list = lexemes;
  return { model, lexemeTable };
}

/**
 * wink's lexeme index (`features.lexeme.hash`) over the build's hash table: an object
 * whose reads find a word's position in `list` through the table, and whose writes
 * (wink adds each new word it meets, src/cache.js) go to a Map. wink only reads
 * `hash[word]` and assigns `hash[word] = position`, which the Proxy serves exactly,
 * so the 87,593 words need no index built at the first tag.
 */
export function lexemeIndex(list: readonly unknown[], table: Uint32Array): Record<string, number> {
  const mask = table.length - 1;
  const added = new Map<string, number>();
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_target, word) => {
      if (typeof word !== 'string') return undefined;
      for (let at = fnv1a(word) & mask, slot = table[at]!; slot !== 0; at = (at + 1) & mask, slot = table[at]!) {
        if (list[slot - 1] === word) return slot - 1;
      }
      return added.get(word);
    },
    set: (_target, word, position: number) => {
      if (typeof word !== 'string') return false;
      added.set(word, position);
      return true;
    },
  });
}

/** FNV-1a (32-bit) over a string's UTF-16 code units, as scripts/compile-wink-model.mjs places words. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * 32-bit words in platform byte order, as wink decodes base64: a view of the file's
 * bytes where they are 4-byte aligned (wink never writes to them, and every wink
 * instance reads the file afresh), else an aligned copy.
 */
function words32(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new RangeError('not whole 32-bit words');
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}
