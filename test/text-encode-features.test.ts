// encodeFeatures encodes without building keys or unit objects on the default path.
// It must list exactly the rows, spans and order of looking up each feature that
// extractFeatures gives, for every setting that keeps the row-pair path and for the
// ones that fall back to keys.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { createTextAnalyzer } from '../src/text/analyzer';
import { encodeFeatures, featureVocabulary } from '../src/text/feature-encoding';
import { DEFAULT_FEATURE_SETTINGS, extractFeatures, type FeatureSettings } from '../src/text/features';
import type { Token } from '../src/text/types';

const analyzer = createTextAnalyzer(languageModel);
const lines = (file: string): string[] => readFileSync(new URL(file, import.meta.url), 'utf8').split('\n').filter(Boolean);
// Every 9th unit of both corpus files: names, numbers, negation, particles, acronyms, quotes.
const texts = [...lines('../corpus/units.jsonl'), ...lines('../corpus/real-register.jsonl')]
  .filter((_, i) => i % 9 === 0)
  .map((line) => (JSON.parse(line) as { text: string }).text);
texts.push(
  "Child T and Kayden Smith didn't attend; the GP, CAMHS and Mrs. O'Neill weren't told about the 28 missed visits.",
  'Nobody asked the children what their day was like, and no referral was made to the MASH.',
);
const sentences: readonly (readonly Token[])[] = texts.flatMap((t) => analyzer.analyze(t).sentences.map((s) => s.tokens));

/** What encodeFeatures promises: each extracted feature looked up, in order. */
function byLookup(tokens: readonly Token[], settings: FeatureSettings, index: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (const f of extractFeatures(tokens, settings)) {
    const row = index.get(f.key);
    if (row !== undefined) out.push(row, f.start, f.end);
  }
  return out;
}

const cases: [string, Partial<FeatureSettings>][] = [
  ['defaults', {}],
  ['stop words dropped', { stopWords: 'drop' }],
  ['negation prefix', { negation: true }],
  ['no negated words', { negatedWords: false }],
  ['case kept', { lowercase: false }],
  ['unigrams only', { ngramRange: [1, 1] }],
  ['trigrams (keys)', { ngramRange: [1, 3] }],
];

describe('encodeFeatures', () => {
  it.each(cases)('lists the looked-up features of extractFeatures, row for row (%s)', (_, partial) => {
    const settings = { ...DEFAULT_FEATURE_SETTINGS, ...partial };
    // A vocabulary of the keys seen less every third one, so both hits and misses occur;
    // a kept two-word key keeps its parts, as a trained vocabulary does.
    const seen = [...new Set(sentences.flatMap((tokens) => extractFeatures(tokens, settings).map((f) => f.key)))];
    const multi = seen.filter((k) => k.includes(' ')).filter((_, i) => i % 3 !== 2);
    const parts = new Set(multi.flatMap((k) => k.split(' ')));
    const keys = [...seen.filter((k) => !k.includes(' ')).filter((k, i) => parts.has(k) || i % 3 !== 2), ...multi];
    const index = new Map(keys.map((k, i) => [k, i]));
    const vocabulary = featureVocabulary(keys, index, settings);
    // The row-pair path is the one under test wherever n-grams stop at two.
    expect(vocabulary.pairs === null).toBe(settings.ngramRange[1] > 2);
    let features = 0;
    for (const tokens of sentences) {
      const expected = byLookup(tokens, settings, index);
      features += expected.length / 3;
      expect(Array.from(encodeFeatures(tokens, settings, vocabulary).triples)).toEqual(expected);
    }
    expect(sentences.length).toBeGreaterThan(1000);
    expect(features).toBeGreaterThan(10000);
  });
});
