// What decides a document's themes (TaggerOptions.documentFrom), checked on the golden
// fixture (a fixed model and rule sets, never the shipped ones) one paragraph at a time:
// a one-paragraph text is decided by that paragraph alone, so each mode's definition
// can be read off the sentence results.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { createTagger, parseModel, parseRuleSet, type TagResult } from '../src/index';

const dir = new URL('./fixtures/golden/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const ruleSets = readdirSync(new URL('rules/', dir))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => parseRuleSet(JSON.parse(read(`rules/${f}`))));
const model = parseModel(JSON.parse(read('model.json')));
// Paragraphs of two to ten sentences (one needed passage decides them whatever the mode).
const paragraphs = read('archive.txt')
  .split(/\n\s*\n/)
  .filter((p) => !/^Review \d+$/.test(p.trim()))
  .slice(0, 120);

const taggerOf = (documentFrom?: 'paragraphs' | 'sentences' | 'both') =>
  createTagger({ languageModel, model, ruleSets, ...(documentFrom ? { documentFrom } : {}) });
const byDefault = taggerOf();
const whole = taggerOf('paragraphs');
const both = taggerOf('both');
const sentences = taggerOf('sentences');
const sentenceTagged = (result: TagResult, theme: string): boolean => result.sentences.some((s) => s.themes.includes(theme));

describe('documentFrom', () => {
  const cases = paragraphs
    .map((text) => ({ text, whole: whole.tag(text), both: both.tag(text), sentences: sentences.tag(text), byDefault: byDefault.tag(text) }))
    .filter((c) => c.whole.sentences.length >= 2 && c.whole.sentences.length <= 10);

  it('has multi-sentence paragraphs to decide', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it('sentences: a paragraph carries a theme when one of its sentences does', () => {
    for (const c of cases) for (const t of both.themes) expect(c.sentences.document[t]!.tagged, t).toBe(sentenceTagged(c.sentences, t));
  });

  it('both: when the paragraph does as a whole or one of its sentences does', () => {
    for (const c of cases) {
      for (const t of both.themes) expect(c.both.document[t]!.tagged, t).toBe(c.whole.document[t]!.tagged || sentenceTagged(c.both, t));
    }
  });

  it('paragraphs: scored whole, a paragraph can miss a theme one of its sentences carries (so the modes differ)', () => {
    const missed = cases.flatMap((c) => both.themes.filter((t) => sentenceTagged(c.whole, t) && !c.whole.document[t]!.tagged));
    expect(missed.length).toBeGreaterThan(0);
  });

  it('sentence results are the same in every mode', () => {
    for (const c of cases) {
      expect(c.both.sentences).toEqual(c.whole.sentences);
      expect(c.sentences.sentences).toEqual(c.whole.sentences);
    }
  });

  it("defaults to 'both'", () => {
    for (const c of cases) expect(c.byDefault).toEqual(c.both);
  });
});

describe('createTagger options with a fixed set of values', () => {
  it.each([
    [{ documentFrom: 'paragraph' }, /documentFrom must be one of 'both', 'paragraphs', 'sentences'/],
    [{ mode: 'fusion' }, /mode must be one of 'fused', 'rules', 'model'/],
  ])('refuses %j with INVALID_OPTIONS instead of falling back to a default', (options, message) => {
    expect(() => createTagger({ languageModel, model, ruleSets, ...(options as object) })).toThrow(message);
    try {
      createTagger({ languageModel, model, ruleSets, ...(options as object) });
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_OPTIONS' });
    }
  });
});
