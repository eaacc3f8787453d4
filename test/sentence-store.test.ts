/** Compact sentence results (src/sentence-store.ts): what is stored reads back as the same objects. */
import { describe, expect, it } from 'vitest';
import { lazyArray, SentenceStore, type StoredSentenceInput } from '../src/sentence-store';
import type { ThemeScore } from '../src/result-schema';

const text = 'The GP was not told. Nobody asked the child what life was like at home.';
const themes = ['voice', 'sharing'];

function score(value: number, extra: Partial<ThemeScore> = {}): ThemeScore {
  return { score: value, tagged: value >= 0.5, probability: value / 2, ruleScore: 0, source: value >= 0.5 ? 'model' : 'none', ...extra };
}

const first: StoredSentenceInput = {
  block: 0,
  start: 0,
  end: 20,
  page: undefined,
  practice: undefined,
  scores: { voice: score(0.1), sharing: score(0.75, { ruleScore: 0.5, source: 'both' }) },
  evidence: [
    { kind: 'rule', theme: 'sharing', ruleId: 'is.not-told', weight: 0.5, start: 11, end: 19 },
    { kind: 'feature', theme: 'sharing', feature: 'gp', weight: 0.25, start: 4, end: 6 },
  ],
  evidencePage: () => undefined,
};
const second: StoredSentenceInput = {
  block: 1,
  start: 21,
  end: text.length,
  page: 2,
  practice: 0.875,
  // No model: scores without a probability.
  scores: { voice: { score: 0.6, tagged: true, ruleScore: 0.6, source: 'rules' }, sharing: { score: 0, tagged: false, ruleScore: 0, source: 'none' } },
  evidence: [{ kind: 'rule', theme: 'voice', ruleId: 'v.asked', weight: 0.6, start: 21, end: 43 }],
  evidencePage: () => 2,
};

function filled(): SentenceStore {
  const store = new SentenceStore(themes, text);
  store.add(first);
  store.add(second);
  return store;
}

describe('SentenceStore', () => {
  it('reads back each sentence with the keys, order and values the tagger builds', () => {
    const store = filled();
    const s0 = store.sentence(0);
    expect(JSON.stringify(s0)).toBe(
      JSON.stringify({
        index: 0,
        block: 0,
        start: 0,
        end: 20,
        text: 'The GP was not told.',
        themes: ['sharing'],
        scores: first.scores,
        evidence: [
          { kind: 'rule', theme: 'sharing', ruleId: 'is.not-told', weight: 0.5, start: 11, end: 19, text: 'not told' },
          { kind: 'feature', theme: 'sharing', feature: 'gp', weight: 0.25, start: 4, end: 6, text: 'GP' },
        ],
      }),
    );
    const s1 = store.sentence(1);
    expect(Object.keys(s1)).toEqual(['index', 'block', 'start', 'end', 'text', 'page', 'practice', 'themes', 'scores', 'evidence']);
    expect(s1.practice).toBe(0.875);
    expect(s1.scores).toEqual(second.scores);
    expect(Object.keys(s1.scores['voice']!)).toEqual(['score', 'tagged', 'ruleScore', 'source']);
    expect(s1.evidence).toEqual([{ kind: 'rule', theme: 'voice', ruleId: 'v.asked', weight: 0.6, start: 21, end: 43, text: text.slice(21, 43), page: 2 }]);
  });

  it('keeps exact numbers across growth', () => {
    const store = new SentenceStore(themes, text);
    const weights = Array.from({ length: 300 }, (_, i) => Math.sin(i) ** 2);
    for (const w of weights) store.add({ ...first, scores: { voice: score(w), sharing: score(1 - w) }, evidence: [{ ...first.evidence[1]!, weight: w }] });
    expect(store.count).toBe(300);
    weights.forEach((w, i) => {
      const s = store.sentence(i);
      expect(s.index).toBe(i);
      expect(s.scores['voice']).toEqual(score(w));
      expect(s.evidence[0]!.weight).toBe(w);
    });
  });

  it('counts tagged sentences per theme and picks the strongest evidence, rules first, each once', () => {
    const store = filled();
    const summary = store.summary();
    expect(summary.count).toBe(2);
    expect(summary.taggedSentences('voice')).toBe(1);
    expect(summary.taggedSentences('sharing')).toBe(1);
    expect(summary.strongestEvidence('sharing', 5).map((e) => e.kind)).toEqual(['rule', 'feature']);
    expect(summary.strongestEvidence('sharing', 1)).toHaveLength(1);
    expect(summary.strongestEvidence('voice', 5)[0]).toMatchObject({ ruleId: 'v.asked', page: 2 });
  });
});

describe('lazyArray', () => {
  const build = (i: number) => ({ i });

  it('behaves as an array of the built elements', () => {
    const a = lazyArray(3, build);
    expect(Array.isArray(a)).toBe(true);
    expect(a.length).toBe(3);
    expect(a[1]).toEqual({ i: 1 });
    expect(a[3]).toBeUndefined();
    expect([...a]).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    expect(a.map((x) => x.i)).toEqual([0, 1, 2]);
    expect(a.filter((x) => x.i > 0)).toHaveLength(2);
    expect(Object.keys(a)).toEqual(['0', '1', '2']);
    expect(1 in a).toBe(true);
    expect(JSON.stringify(a)).toBe('[{"i":0},{"i":1},{"i":2}]');
    expect(a).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    expect({ ...a }).toEqual({ 0: { i: 0 }, 1: { i: 1 }, 2: { i: 2 } });
  });

  it('keeps what is assigned, pushed or deleted', () => {
    const a = lazyArray(3, build);
    a[0] = { i: 10 };
    a.push({ i: 3 });
    expect(a.map((x) => x.i)).toEqual([10, 1, 2, 3]);
    delete a[1];
    expect(1 in a).toBe(false);
    expect(a[1]).toBeUndefined();
    a.length = 1;
    expect(JSON.stringify(a)).toBe('[{"i":10}]');
    expect(a[2]).toBeUndefined();
  });

  it('sorts and reverses like an array', () => {
    const a = lazyArray(4, build);
    a.reverse();
    expect(a.map((x) => x.i)).toEqual([3, 2, 1, 0]);
    a.sort((x, y) => x.i - y.i);
    expect(a.map((x) => x.i)).toEqual([0, 1, 2, 3]);
  });
});
