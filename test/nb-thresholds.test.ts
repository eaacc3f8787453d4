import { describe, expect, it } from 'vitest';
import { assignGroupedFolds } from '../src/nb/folds';
import { mulberry32 } from '../src/nb/random';
import { chooseThreshold, scoresOf } from '../src/nb/thresholds';
import { trainModel } from '../src/nb/train';

const T = true;
const F = false;

describe('chooseThreshold', () => {
  it.each([
    ['separable around 0.5: 0.5 itself', [0.9, 0.8, 0.3, 0.1], [T, T, F, F], 0.5, { tp: 2, fp: 0, fn: 0 }],
    ['separable below 0.5: midpoint of the gap', [0.4, 0.35, 0.2, 0.1], [T, T, F, F], 0.275, { tp: 2, fp: 0, fn: 0 }],
    ['separable above 0.5: midpoint of the gap', [0.95, 0.9, 0.7, 0.6], [T, T, F, F], 0.8, { tp: 2, fp: 0, fn: 0 }],
    ['no positives: every F1 is 0, so the threshold nearest 0.5', [0.2, 0.7], [F, F], 0.5, { tp: 0, fp: 1, fn: 0 }],
    ['tied scores move together', [0.6, 0.6, 0.6], [T, F, T], 0.5, { tp: 2, fp: 1, fn: 0 }],
    // (0.7, 0.9] gives F1 2/3 (tp 1, fn 1); [0, 0.2] gives 4/6 = 2/3 too: 0.8 is nearer 0.5 than 0.1.
    ['equal F1: the representative nearest 0.5 wins', [0.9, 0.7, 0.6, 0.2], [T, F, F, T], 0.8, { tp: 1, fp: 0, fn: 1 }],
    ['saturated scores: no "predict nothing" above 1', [1, 1, 0.3], [T, T, F], 0.5, { tp: 2, fp: 0, fn: 0 }],
    ['adjacent doubles: the top end', [1, 1 - 2 ** -53], [T, F], 1, { tp: 1, fp: 0, fn: 0 }],
    ['empty input', [], [], 0.5, { tp: 0, fp: 0, fn: 0 }],
  ])('%s', (_name, probabilities, truth, threshold, counts) => {
    const choice = chooseThreshold(probabilities, truth);
    expect(choice.threshold).toBeCloseTo(threshold, 12);
    expect({ tp: choice.tp, fp: choice.fp, fn: choice.fn }).toEqual(counts);
  });

  it('on random scores, the threshold reproduces its counts and no other threshold beats its F1', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 30);
      // Coarse scores so that ties happen.
      const probabilities = Array.from({ length: n }, () => Math.round(random() * 20) / 20);
      const truth = probabilities.map((p) => random() < p);
      const choice = chooseThreshold(probabilities, truth);
      const countsAt = (t: number) => {
        let tp = 0, fp = 0, fn = 0;
        probabilities.forEach((p, i) => {
          if (p >= t) truth[i] ? tp++ : fp++;
          else if (truth[i]) fn++;
        });
        return { tp, fp, fn };
      };
      expect(countsAt(choice.threshold)).toEqual({ tp: choice.tp, fp: choice.fp, fn: choice.fn });
      const best = scoresOf(choice).f1;
      for (const t of [...probabilities, 1.01]) expect(scoresOf(countsAt(t)).f1).toBeLessThanOrEqual(best + 1e-12);
    }
  });

  it('scoresOf returns 0 where a denominator is 0', () => {
    expect(scoresOf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoresOf({ tp: 3, fp: 1, fn: 2 })).toEqual({ precision: 0.75, recall: 0.6, f1: 6 / 9 });
  });
});

describe('assignGroupedFolds', () => {
  const keys = ['a', 'a', 'b', 'c', 'c', 'c', 'd', 'e', 'f', 'f', 'g', 'h'];

  it('keeps every group in one fold, uses every fold, and keeps folds close in size', () => {
    const { folds, foldOf } = assignGroupedFolds(keys, 3, 1);
    expect(folds).toBe(3);
    const foldOfGroup = new Map<string, number>();
    keys.forEach((key, i) => {
      if (foldOfGroup.has(key)) expect(foldOf[i]).toBe(foldOfGroup.get(key));
      foldOfGroup.set(key, foldOf[i]!);
    });
    const sizes = [0, 1, 2].map((f) => foldOf.filter((x) => x === f).length);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3); // at most the largest group
  });

  it('is deterministic for a seed, independent of example order, and changes with the seed', () => {
    const a = assignGroupedFolds(keys, 3, 1);
    expect(assignGroupedFolds(keys, 3, 1)).toEqual(a);
    const reversed = assignGroupedFolds([...keys].reverse(), 3, 1);
    expect([...reversed.foldOf].reverse()).toEqual(a.foldOf);
    const seeds = [2, 3, 4, 5, 6].map((seed) => assignGroupedFolds(keys, 3, seed).foldOf.join());
    expect(seeds.some((s) => s !== a.foldOf.join())).toBe(true);
  });

  it('falls back to leave-one-group-out with fewer groups than folds, and refuses one group', () => {
    const { folds, foldOf } = assignGroupedFolds(['x', 'y', 'x'], 5, 1);
    expect(folds).toBe(2);
    expect(foldOf[0]).toBe(foldOf[2]);
    expect(foldOf[0]).not.toBe(foldOf[1]);
    expect(() => assignGroupedFolds(['x', 'x'], 5, 1)).toThrow(/at least 2 groups/);
  });
});

describe('thresholds chosen by grouped cross-validation', () => {
  // Six reviews (groups) of three passages. Every passage has "common" and a word
  // unique to its review; the label is carried by whole reviews 1-3. The review
  // word predicts the label perfectly, but only if a fold may see the other
  // passages of the same review: that is the leak grouped CV must prevent.
  const examples = [1, 2, 3, 4, 5, 6].flatMap((g) =>
    [1, 2, 3].map((i) => ({ id: `r${g}-${i}`, group: `review-${g}`, features: [`review${g}`, 'common'], themes: g <= 3 ? ['marked'] : [] })),
  );
  const options = { labels: ['marked'], alpha: 1, lengthNorm: 'none' as const, calibration: 'none' as const, features: { minCount: 1, binary: true } };

  it('grouped: held-out reviews have only "common" to go on, so the best F1 is "predict all" (2/3)', () => {
    // Leaving out a positive review: prior odds 7/10, w_common = log((7/18) / (10/24)) -> p = 0.395.
    // Leaving out a negative review: the mirror image, p = 0.605. Positives score LOWER than
    // negatives, so the best threshold predicts everything: precision 1/2, recall 1.
    const model = trainModel(examples, { ...options, folds: 6 });
    const m = model.metrics.crossValidated.perLabel.marked!;
    expect(model.metrics.crossValidated.folds).toBe(6);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(1);
    const pPositive = 1 / (1 + 1 / ((7 / 10) * ((7 / 18) / (10 / 24))));
    expect(m.threshold).toBeCloseTo(pPositive / 2, 12); // midpoint of [0, 0.395]
    expect(model.thresholds.marked).toBe(m.threshold);
  });

  it('ungrouped (each passage alone): the review word leaks and CV looks perfect', () => {
    const model = trainModel(
      examples.map(({ group: _group, ...rest }) => rest),
      { ...options, folds: 18 },
    );
    const m = model.metrics.crossValidated.perLabel.marked!;
    expect(m.f1).toBe(1);
    expect(m.support).toBe(9);
    expect(model.metrics.crossValidated.micro.f1).toBe(1);
  });
});
