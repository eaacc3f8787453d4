import { describe, expect, it } from 'vitest';
import { calibrateToThreshold, fuseTheme, ruleStrength } from '../src/fuse/fuse';
import { aggregateDocument, documentScore, passagesNeeded } from '../src/fuse/document';
import type { SentenceResult, ThemeScore } from '../src/result-schema';

describe('ruleStrength (noisy-OR of rule weights)', () => {
  it.each([
    [[], 0],
    [[0.6], 0.6],
    [[0.5, 0.5], 0.75],
    [[0.9, 0.3, 0.2], 1 - 0.1 * 0.7 * 0.8],
    [[1, 0.2], 1],
  ])('weights %j -> %d', (weights, expected) => {
    expect(ruleStrength(weights)).toBeCloseTo(expected, 12);
  });
});

describe('calibrateToThreshold', () => {
  it.each([
    [0, 0.3, 0],
    [0.15, 0.3, 0.25],
    [0.3, 0.3, 0.5],
    [0.65, 0.3, 0.75],
    [1, 0.3, 1],
    [0.5, 0.5, 0.5],
  ])('p=%d at threshold %d -> %d', (p, t, expected) => {
    expect(calibrateToThreshold(p, t)).toBeCloseTo(expected, 12);
  });

  it('is monotone in p for any threshold', () => {
    for (const t of [0.05, 0.2, 0.5, 0.8, 0.95]) {
      let last = -1;
      for (let p = 0; p <= 1.0001; p += 0.01) {
        const v = calibrateToThreshold(Math.min(p, 1), t);
        expect(v).toBeGreaterThanOrEqual(last);
        last = v;
      }
    }
  });
});

describe('fuseTheme', () => {
  const model = (probability: number, threshold = 0.4) => ({ probability, threshold });
  it.each<[string, number, { probability: number; threshold: number } | undefined, boolean, string]>([
    ['strong rule alone tags', 0.9, model(0.05), true, 'rules'],
    ['model above its threshold alone tags', 0, model(0.6), true, 'model'],
    ['model just below threshold and no rule: not tagged', 0, model(0.39), false, 'none'],
    ['weak rule plus model leaning towards the theme', 0.3, model(0.35), true, 'both'],
    ['weak rule with a model against: not tagged', 0.3, model(0.02), false, 'none'],
    ['strong rule and model both', 0.8, model(0.9), true, 'both'],
    ['rules only, no model', 0.55, undefined, true, 'rules'],
  ])('%s', (_name, r, m, tagged, source) => {
    const fused = fuseTheme(r, m);
    expect(fused.tagged).toBe(tagged);
    expect(fused.source).toBe(source);
    expect(fused.score).toBeGreaterThanOrEqual(0);
    expect(fused.score).toBeLessThanOrEqual(1);
    expect(fused.ruleScore).toBe(r);
  });

  it('ablation modes drop the other source', () => {
    expect(fuseTheme(0.9, model(0.05), 'model').tagged).toBe(false);
    expect(fuseTheme(0, model(0.9), 'rules').tagged).toBe(false);
    expect(fuseTheme(0.9, model(0.05), 'rules').score).toBeCloseTo(0.9, 12);
  });
});

describe('aggregateDocument', () => {
  const score = (s: number): ThemeScore => ({ score: s, tagged: s >= 0.5, ruleScore: 0, source: s >= 0.5 ? 'model' : 'none' });
  const sentence = (index: number, a: number, evidenceWeight = 1): SentenceResult => ({
    index,
    block: 0,
    start: index * 10,
    end: index * 10 + 9,
    text: 'x'.repeat(9),
    themes: a >= 0.5 ? ['a'] : [],
    scores: { a: score(a), b: score(0.1) },
    evidence: a >= 0.5 ? [{ kind: 'feature', theme: 'a', feature: `f${index}`, weight: evidenceWeight, start: index * 10, end: index * 10 + 3, text: 'xxx' }] : [],
  });

  const asPassages = (list: SentenceResult[]) => list.map((s) => ({ scores: s.scores, sentences: 1 }));

  it('takes the strongest passage, counts tagged sentences and their share', () => {
    const list = [sentence(0, 0.7, 1), sentence(1, 0.2), sentence(2, 0.9, 2), sentence(3, 0.1)];
    const doc = aggregateDocument(['a', 'b'], list, asPassages(list), 5);
    expect(doc.a!.strength).toBeCloseTo(0.9, 12);
    expect(doc.a!.score).toBeCloseTo(0.9, 12); // half the passages carry it (needed: 10% of 4, at least 1)
    expect(doc.a!.tagged).toBe(true);
    expect(doc.a!.passages).toBe(2);
    expect(doc.a!.sentences).toBe(2);
    expect(doc.a!.share).toBeCloseTo(0.5, 12);
    expect(doc.a!.evidence.map((e) => (e.kind === 'feature' ? e.feature : ''))).toEqual(['f2', 'f0']);
    expect(doc.b!.tagged).toBe(false);
    expect(doc.b!.evidence).toEqual([]);
  });

  it('a paragraph scored as a whole can tag a theme no single sentence carries', () => {
    const doc = aggregateDocument(['a', 'b'], [sentence(0, 0.3), sentence(1, 0.4)], [{ scores: { a: score(0.6), b: score(0.2) }, sentences: 2 }], 5);
    expect(doc.a!.tagged).toBe(true);
    expect(doc.a!.sentences).toBe(0);
  });

  it('one strong passage in a long document is not enough: it needs minPassages, and minShare of a long one', () => {
    const decision = { minShare: 0.05, minPassages: 2 };
    const doc = (total: number, tagged: number) =>
      Array.from({ length: total }, (_, i) => ({ scores: { a: score(i < tagged ? 0.95 : 0.1) }, sentences: 2 }));
    const one = aggregateDocument(['a'], [], doc(100, 1), 5, decision).a!;
    expect(one.strength).toBeCloseTo(0.95, 12);
    expect(one.tagged).toBe(false);
    expect(one.score).toBeLessThan(0.5);
    expect(one.passages).toBe(1);
    expect(one.coverage).toBeCloseTo(0.01, 12);
    expect(aggregateDocument(['a'], [], doc(30, 2), 5, decision).a!.tagged).toBe(true); // 2 of 30: minPassages binds
    expect(aggregateDocument(['a'], [], doc(100, 4), 5, decision).a!.tagged).toBe(false); // 4 of 100 < 5%
    expect(aggregateDocument(['a'], [], doc(100, 5), 5, decision).a!.tagged).toBe(true);
    expect(aggregateDocument(['a'], [], doc(1, 1), 5, decision).a!.tagged).toBe(true); // a one-paragraph text
  });

  it('passagesNeeded: all passages of a short text, minPassages, then the share', () => {
    const decision = { minShare: 0.05, minPassages: 2 };
    expect(passagesNeeded(1, decision)).toBe(1);
    expect(passagesNeeded(3, decision)).toBe(2);
    expect(passagesNeeded(200, decision)).toBeCloseTo(10, 12);
  });

  it('a short text is decided by its strongest passage (default decision)', () => {
    const doc = aggregateDocument(['a'], [], [{ scores: { a: score(0.55) }, sentences: 3 }, { scores: { a: score(0.1) }, sentences: 2 }], 5);
    expect(doc.a!.tagged).toBe(true);
    expect(doc.a!.score).toBeCloseTo(0.55, 12);
  });

  it('documentScore is the strength when enough passages carry the theme, and below 0.5 otherwise', () => {
    expect(documentScore(0.9, 1)).toBeCloseTo(0.9, 12);
    expect(documentScore(0.3, 10)).toBeCloseTo(0.3, 12);
    expect(documentScore(0.9, 0.99)).toBeLessThan(0.5);
    expect(documentScore(0.9, 0.5)).toBeCloseTo(0.25, 12);
  });

  it('an empty document tags nothing', () => {
    const doc = aggregateDocument(['a'], [], [], 5);
    expect(doc.a).toEqual({ score: 0, tagged: false, source: 'none', strength: 0, passages: 0, coverage: 0, sentences: 0, share: 0, evidence: [] });
  });
});
