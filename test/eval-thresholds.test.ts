import { describe, expect, it } from 'vitest';
import { modelThresholds, outOfFoldProbabilities, prCurve, thinCurve, thresholdTradeOffs, type FeaturedExample } from '../src/eval/thresholds';
import { trainModel } from '../src/nb/train';
import { mulberry32 } from '../src/nb/random';
import type { PrPoint } from '../src/eval/report-schema';

describe('prCurve', () => {
  it('has one point per distinct probability, highest first, predicting at >= threshold', () => {
    const curve = prCurve([0.9, 0.8, 0.3, 0.8, 0.1], [true, false, true, true, false]);
    expect(curve.map((p) => [p.threshold, p.tp, p.fp, p.fn])).toEqual([
      [0.9, 1, 0, 2],
      [0.8, 2, 1, 1],
      [0.3, 3, 1, 0],
      [0.1, 3, 2, 0],
    ]);
    expect(curve[1]!.precision).toBeCloseTo(2 / 3, 15);
    expect(curve[1]!.recall).toBeCloseTo(2 / 3, 15);
    expect(curve[2]).toMatchObject({ precision: 0.75, recall: 1 });
    expect(curve[2]!.f1).toBeCloseTo(6 / 7, 15);
  });

  it('is empty for no examples and rejects mismatched lengths', () => {
    expect(prCurve([], [])).toEqual([]);
    expect(() => prCurve([0.1], [])).toThrow(RangeError);
  });
});

describe('thinCurve', () => {
  const curve: PrPoint[] = Array.from({ length: 100 }, (_, i) => {
    const f1 = i === 37 ? 0.99 : 0.5;
    return { threshold: 1 - i / 100, precision: 0.5, recall: 0.5, f1, tp: i, fp: 0, fn: 0 };
  });

  it('keeps at most maxPoints, in curve order, with both ends and the best-F1 point', () => {
    const thin = thinCurve(curve, 10);
    expect(thin.length).toBeLessThanOrEqual(10);
    expect(thin[0]).toBe(curve[0]);
    expect(thin.at(-1)).toBe(curve[99]);
    expect(thin).toContain(curve[37]);
    expect(thin.map((p) => p.tp)).toEqual([...thin.map((p) => p.tp)].sort((a, b) => a - b));
  });

  it('leaves short curves alone', () => {
    expect(thinCurve(curve.slice(0, 5), 10)).toEqual(curve.slice(0, 5));
  });
});

// Synthetic examples given as features: "cue-p" tends to go with label p, "cue-q" with q.
function syntheticExamples(): FeaturedExample[] {
  const random = mulberry32(42);
  return Array.from({ length: 60 }, (_, i) => {
    const p = random() < 0.4;
    const q = random() < 0.3;
    const keys = ['filler', `w${Math.floor(random() * 8)}`];
    if (p ? random() < 0.8 : random() < 0.15) keys.push('cue-p');
    if (q ? random() < 0.7 : random() < 0.2) keys.push('cue-q');
    return {
      id: `s${i}`,
      text: `synthetic ${i}`,
      themes: [...(p ? ['p'] : []), ...(q ? ['q'] : [])],
      group: `g${i % 12}`,
      features: keys.map((key) => ({ key, start: 0, end: 0 })),
    };
  });
}

describe('thresholds from training data', () => {
  const examples = syntheticExamples();
  const settings = { folds: 4, seed: 3 };

  it('scores every example out of fold, one probability per example and label', () => {
    const oof = outOfFoldProbabilities(examples, ['p', 'q'], settings);
    expect(Object.keys(oof)).toEqual(['p', 'q']);
    for (const probabilities of Object.values(oof)) {
      expect(probabilities).toHaveLength(examples.length);
      for (const x of probabilities) expect(x).toBeGreaterThan(0);
    }
  });

  it('picks the same threshold, with the same P/R/F1, as the trainer picks on the same examples', () => {
    const model = trainModel(
      examples.map((e) => ({ id: e.id, text: e.text, themes: e.themes, group: e.group, features: e.features.map((f) => f.key) })),
      { labels: ['p', 'q'], ...settings },
    );
    const tradeOffs = thresholdTradeOffs(examples, ['p', 'q'], settings, 12);
    for (const t of tradeOffs) {
      const recorded = model.metrics.crossValidated.perLabel[t.theme]!;
      expect(t.threshold).toBe(model.thresholds[t.theme]);
      expect([t.precision, t.recall, t.f1]).toEqual([recorded.precision, recorded.recall, recorded.f1]);
      expect(t.curve!.length).toBeLessThanOrEqual(12);
      expect(Math.max(...t.curve!.map((p) => p.f1))).toBeCloseTo(t.f1, 12);
    }
    expect(modelThresholds(model)).toEqual(tradeOffs.map(({ curve: _curve, ...rest }) => rest));
  });

  it.each([
    ['default (Platt-calibrated)', {}],
    ['uncalibrated', { calibration: 'none' as const }],
    ['complement NB without length damping', { variant: 'complement' as const, lengthNorm: 'none' as const, alpha: 1 }],
  ])('agrees with the trainer with %s settings', (_name, extra) => {
    const all = { ...settings, ...extra };
    const model = trainModel(
      examples.map((e) => ({ id: e.id, themes: e.themes, group: e.group, features: e.features.map((f) => f.key) })),
      { labels: ['p', 'q'], ...all },
    );
    for (const t of thresholdTradeOffs(examples, ['p', 'q'], all)) expect(t.threshold).toBe(model.thresholds[t.theme]);
  });

  it('raises an InputError when the examples form a single group', () => {
    const oneGroup = examples.map((e) => ({ ...e, group: 'g' }));
    expect(() => outOfFoldProbabilities(oneGroup, ['p'], settings)).toThrow(/at least 2 groups/);
  });
});
