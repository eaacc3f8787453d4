/**
 * Over-long tokens (issue 11, item 1): wink's tokenizer is quadratic in a run
 * without spaces, so such runs are cut before wink reads them, keeping every
 * offset exact. The time bounds are generous hang guards (the old code took about
 * 30 s on the 100 KB case).
 */
import languageModel from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../src/rules/schema';
import { createTagger } from '../../src/tagger';
import visits from '../fixtures/visits-rules.json';

const tagger = createTagger({ languageModel, ruleSets: [parseRuleSet(visits)] });

describe('item 1: long tokens', () => {
  it.each([
    ['100 KB of a-a-a-', 'a-'.repeat(50_000)],
    ['200 KB without a space', 'x'.repeat(200_000)],
    ['a long run between real sentences', `The home visit was brief. ${'é'.repeat(30_000)}🙂${'b'.repeat(30_000)} The home visit was long.`],
  ])('%s is tagged quickly with offsets that slice back', (_, text) => {
    const started = performance.now();
    const result = tagger.tag(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    for (const s of result.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const s of tagger.analyze(text).sentences) {
      for (const t of s.tokens) {
        expect(t.start).toBeGreaterThanOrEqual(s.start);
        expect(t.end).toBeLessThanOrEqual(s.end);
      }
    }
  });

  it('real sentences around a long run still find their rule hits', () => {
    const text = `The home visit was brief.\n\n${"z".repeat(5_000)}\n\nThe home visit was long.`;
    expect(tagger.tag(text).sentences.filter((s) => s.themes.includes('home-visits')).map((s) => s.text)).toEqual([
      'The home visit was brief.',
      'The home visit was long.',
    ]);
  });
});
