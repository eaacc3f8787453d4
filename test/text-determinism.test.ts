// Tagging is deterministic: what an analyzer read before must not change what it
// returns now. wink-nlp learns "baby's" as one word after meeting "baby's." once;
// the cleaning pass keeps it from ever seeing that shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import { createTextAnalyzer } from '../src/text/analyzer';

describe('analyzer determinism', () => {
  it.each(["the baby's.", "the baby's,", "the mother's:", "the father's-", "the baby’s."])('reading %j does not change how "baby\'s cot" splits later', (before) => {
    const analyzer = createTextAnalyzer(model);
    const probe = "Nothing described the baby's cot or his mother's day.";
    const fresh = JSON.stringify(createTextAnalyzer(model).analyze(probe));
    analyzer.analyze(before);
    expect(JSON.stringify(analyzer.analyze(probe))).toBe(fresh);
    expect(analyzer.analyze(probe).sentences[0]!.tokens.map((t) => t.text)).toContain("'s");
  });

  it('gives the same result for a text whatever the analyzer read before (corpus sample)', () => {
    const units = readFileSync(new URL('../corpus/units.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string });
    const sample = units.filter((_, i) => i % 25 === 0).map((u) => u.text);
    const fresh = createTextAnalyzer(model);
    const expected = sample.map((t) => JSON.stringify(fresh.analyze(t)));
    const used = createTextAnalyzer(model);
    for (const u of units.slice(0, 2000)) used.analyze(u.text);
    expect(sample.map((t) => JSON.stringify(used.analyze(t)))).toEqual(expected);
  });

  it('the space it inserts maps to no original character: spans still slice back', () => {
    const text = "It was the baby's. Then the mother's, and the father's: all of it.";
    for (const s of createTextAnalyzer(model).analyze(text).sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
