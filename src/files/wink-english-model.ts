/**
 * wink's English model (wink-eng-lite-web-model) for the default tagger, loaded faster
 * than through the package's entry but the same model. The entry requires the 3 MB
 * core model at import, then deep-copies it (JSON.stringify + JSON.parse) for every
 * wink instance, since wink adds the tokens it meets to its copy. Here the package's
 * other parts are required as its entry assembles them, and each instance's core
 * model is parsed straight from its file: one JSON parse instead of two, and the
 * packed arrays decoded by Buffer instead of byte by byte (about 35 ms less).
 * Only for the version this was checked against (test/wink-english-model.test.ts
 * compares the two models); any other version is imported as the package says.
 *
 * Tried and not kept (2026-12-06): the core model in a binary form written at build
 * time (lexicon as raw 32-bit words, lexemes as a JSON array) parsed about 45 ms faster,
 * but the first tag did not get measurably faster, as keying the lexeme index then cost
 * more; serving that index from a build-time hash table through a Proxy made it free but
 * analysis about a tenth slower, since wink reads it for every token.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = 'wink-eng-lite-web-model';
/** The version whose entry (dist/model.js) and core loader (dist/read-core-model.js, dist/load-core-model.js) this follows. */
export const CHECKED_WINK_MODEL_VERSION = '1.8.1';

/** wink's English model: built from the package's parts when it is the checked version, else its entry's export. */
export async function importWinkEnglishModel(): Promise<unknown> {
  const require = createRequire(import.meta.url);
  const dist = checkedDistFolder(require);
  if (dist === undefined) {
    const m = (await import(PACKAGE)) as { default?: unknown };
    return m.default ?? m;
  }
  const part = (name: string): unknown => require(join(dist, name));
  // As dist/model.js assembles it, in the same key order.
  const model = Object.create(null) as Record<string, unknown>;
  const coreFile = join(dist, 'languages', 'cur', 'models', 'eng-core-web-model.json');
  model.core = () => readCoreModel(coreFile);
  for (const [key, file] of PARTS) model[key] = part(file);
  const addons = Object.create(null) as Record<string, unknown>;
  for (const [key, file] of ADDONS) addons[key] = part(file);
  addons.wordVectors = undefined;
  model.addons = addons;
  return model;
}

const PARTS = [
  ['sbd', 'load-sbd-model.js'],
  ['pos', 'load-pos-model.js'],
  ['ner', 'load-ner-model.js'],
  ['negation', 'load-negation-model.js'],
  ['sa', 'load-sa-model.js'],
  ['metaCER', 'load-cer-meta-model.js'],
  ['featureFn', 'feature.js'],
] as const;
const ADDONS = [
  ['stem', 'porter-stemmer.js'],
  ['lemmatize', 'lemmatize.js'],
  ['readabilityStats', 'readability-stats.js'],
] as const;

/** The package's dist/ folder when the installed version is the checked one. */
function checkedDistFolder(require: NodeJS.Require): string | undefined {
  try {
    const manifest = require.resolve(`${PACKAGE}/package.json`);
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
    return version === CHECKED_WINK_MODEL_VERSION ? join(dirname(manifest), 'dist') : undefined;
  } catch {
    return undefined;
  }
}

interface Feature {
  list: unknown[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature>;
  pos: { hash: Record<string, number> };
}

/** What read-core-model.js + load-core-model.js return, from one parse of the file. */
function readCoreModel(file: string): CoreModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  for (const f in packing.layout) if (packing.layout[f]![3] === 0) features[f]!.hash = indexOf(features[f]!.list);
  features.lexeme!.hash = indexOf(features.lexeme!.list);
  const clusters = features.posClusters!.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    const feature = features[f]!;
    if (layout[3] === 0) {
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme!.intrinsicSize = features.lexeme!.list.length;
  features.lexeme!.index = features.lexeme!.list.length;
  return model;
}

function indexOf(list: readonly unknown[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k += 1) hash[list[k] as string] = k;
  return hash;
}

/** Base64 to 32-bit words in platform byte order, as wink decodes them (a copy, so the words are aligned). */
function uint32FromBase64(text: string): Uint32Array {
  const decoded = Buffer.from(text, 'base64');
  const bytes = new Uint8Array(decoded.length);
  bytes.set(decoded);
  return new Uint32Array(bytes.buffer);
}
