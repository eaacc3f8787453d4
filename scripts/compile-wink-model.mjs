#!/usr/bin/env node
// Writes wink's English core model (wink-eng-lite-web-model's 3 MB JSON) into
// dist/wink-core-model.bin, a form that loads without JSON-parsing megabytes: a small
// JSON header with everything but the three big parts, then the lexicon and its
// expansions as the 32-bit words wink decodes from base64, a hash table of the
// lexemes, then the 87,593 lexemes as UTF-8 separated by NUL. The decoder is src/files/wink-core-binary.ts; the default
// tagger uses the file only for the wink model version it records, and reads the
// package's JSON otherwise. The build runs this (tsup.config.ts); by hand:
// node scripts/compile-wink-model.mjs
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WINK_CORE_BINARY_FORMAT = 'practice-themes-wink-core';

/**
 * The binary form of the core model JSON `jsonText` of wink-eng-lite-web-model `version`,
 * or undefined when a lexeme holds a NUL (the separator), which no released model has.
 */
export function encodeWinkCoreModel(jsonText, version) {
  const model = JSON.parse(jsonText);
  const lexemes = model.features.lexeme.list;
  if (lexemes.some((w) => typeof w !== 'string' || w.includes('\0'))) return undefined;
  const lexicon = Buffer.from(model.lexicon, 'base64');
  const xpansions = Buffer.from(model.xpansions, 'base64');
  const words = Buffer.from(lexemes.join('\0'), 'utf8');
  const index = lexemeTable(lexemes);
  // The big parts leave placeholders, so the other keys keep their order.
  model.lexicon = null;
  model.xpansions = null;
  model.features.lexeme.list = null;
  // Section offsets count from the first 4-byte boundary after the header.
  const sections = {};
  let at = 0;
  for (const [name, bytes] of [['lexicon', lexicon], ['xpansions', xpansions], ['index', index], ['lexemes', words]]) {
    sections[name] = [at, bytes.length];
    at = align4(at + bytes.length);
  }
  const header = Buffer.from(JSON.stringify({ format: WINK_CORE_BINARY_FORMAT, version, littleEndian: true, lexemeCount: lexemes.length, sections, model }), 'utf8');
  const data = align4(4 + header.length);
  const out = Buffer.alloc(data + sections.lexemes[0] + words.length);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  lexicon.copy(out, data + sections.lexicon[0]);
  xpansions.copy(out, data + sections.xpansions[0]);
  index.copy(out, data + sections.index[0]);
  words.copy(out, data + sections.lexemes[0]);
  return out;
}

/**
 * The lexemes' open-addressing hash table: a power-of-two number of 32-bit slots (at
 * most half full), each 0 or a lexeme's position + 1, placed by FNV-1a over the
 * word's UTF-16 code units and linear probing. src/files/wink-core-binary.ts looks
 * words up in it with the same hash, so the first tag need not build an index of
 * 87,593 words.
 */
function lexemeTable(lexemes) {
  let size = 1;
  while (size < lexemes.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  for (let k = 0; k < lexemes.length; k += 1) {
    let at = fnv1a(lexemes[k]) & (size - 1);
    while (slots[at] !== 0) at = (at + 1) & (size - 1);
    slots[at] = k + 1;
  }
  return Buffer.from(slots.buffer);
}

/** FNV-1a (32-bit) over a string's UTF-16 code units; the same as wink-core-binary.ts. */
export function fnv1a(word) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function align4(n) {
  return (n + 3) & ~3;
}

// As a script: encode the installed package's core model into dist/.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const require = createRequire(join(root, 'package.json'));
  const manifest = require.resolve('wink-eng-lite-web-model/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const source = join(dirname(manifest), 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');
  const out = join(root, 'dist', 'wink-core-model.bin');
  rmSync(out, { force: true });
  const bytes = encodeWinkCoreModel(readFileSync(source, 'utf8'), version);
  if (bytes !== undefined) {
    writeFileSync(`${out}.tmp`, bytes);
    renameSync(`${out}.tmp`, out);
  }
}
