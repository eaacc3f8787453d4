// Golden output: the tagger's results on a slice of the benchmark archive must not
// change when the code is made faster. Fixed inputs only (test/fixtures/golden/): the
// archive slice, copies of the rule sets and a small model, never the shipped ones,
// which change as the project is tuned. Regenerate expected.jsonl only for an
// intended change of output (see generate.mjs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { createTagger, parseModel, parseRuleSet, type TagResult } from '../src/index';
import { goldenPages, goldenRecord, type GoldenRecord } from './fixtures/golden/golden.mjs';

const dir = new URL('./fixtures/golden/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const archive = read('archive.txt');
const ruleSets = readdirSync(new URL('rules/', dir))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => parseRuleSet(JSON.parse(read(`rules/${f}`))));
const model = parseModel(JSON.parse(read('model.json')));
const expected: GoldenRecord[] = read('expected.jsonl').trimEnd().split('\n').map((line) => JSON.parse(line) as GoldenRecord);

/** The first sentence whose digest differs, with its JSON, so a failure says where to look. */
function firstDifference(result: TagResult, record: GoldenRecord): string {
  const actual = goldenRecord(result, sha256);
  const i = actual.sentences.findIndex((digest, k) => digest !== record.sentences[k]);
  if (actual.sentences.length !== record.sentences.length) return `${actual.sentences.length} sentences, expected ${record.sentences.length}`;
  return i < 0 ? 'sentences identical; document level or meta differs' : `sentence ${i} differs: ${JSON.stringify(result.sentences[i])}`;
}

describe('golden output on the benchmark archive slice', () => {
  const tagger = createTagger({ languageModel, model, ruleSets });
  const documents = archive.split(/(?=Review \d+\n)/);
  const inputs = [...documents.map((text, i) => ({ id: `doc-${i}`, text })), { id: 'whole-slice', text: archive }];

  it('has one stored record per document, and the whole slice', () => {
    expect(expected.map((r) => r.id)).toEqual(inputs.map((d) => d.id));
    expect(ruleSets.length).toBeGreaterThan(0);
  });

  it.each(inputs.map((input, i) => [input.id, i] as const))('%s: identical result', (_, i) => {
    const input = inputs[i]!;
    const record = expected[i]!;
    const result = tagger.tag(input.text, { id: input.id, pages: goldenPages(input.text) });
    expect(result.themes).toEqual(record.themes);
    expect(result.scores).toEqual(record.scores);
    const digest = sha256(JSON.stringify(result));
    if (digest !== record.sha256) expect.fail(`${input.id}: ${firstDifference(result, record)}`);
  });
});
