import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/nb/classifier';
import { trainModel } from '../src/nb/train';
import { type TrainOptions } from '../src/nb/train-options';
import { lengthScale, logistic } from '../src/nb/weights';
import type { Feature } from '../src/text/features';

/** Features without spans that matter. */
const feats = (...keys: string[]): Feature[] => keys.map((key, i) => ({ key, start: i * 10, end: i * 10 + key.length }));

// Five examples, one label. Binary counts, alpha 1, V = 3 (cat, dog, fish):
//   pos (2 examples): cat 2, dog 1, fish 0  -> N_pos = 3
//   neg (3 examples): cat 0, dog 2, fish 2  -> N_neg = 4
//   P(.|pos) = 3/6, 2/6, 1/6      P(.|neg) = 1/7, 3/7, 3/7
//   w_cat = log(7/2), w_dog = log(7/9), w_fish = log(7/18)
//   prior odds = (2 + 1) / (3 + 1) = 3/4
const examples = [
  { id: 'e1', features: ['cat', 'dog'], themes: ['pets'] },
  { id: 'e2', features: ['cat'], themes: ['pets'] },
  { id: 'e3', features: ['dog', 'fish'], themes: [] },
  { id: 'e4', features: ['fish'], themes: [] },
  { id: 'e5', features: ['dog'], themes: [] },
];
const base: TrainOptions = { labels: ['pets'], alpha: 1, lengthNorm: 'none', calibration: 'none', features: { minCount: 1, binary: true } };
const probabilityOfOdds = (odds: number): number => odds / (1 + odds);

describe('naive Bayes maths on a hand-computed example', () => {
  it.each([
    ['multinomial, one feature', base, feats('cat'), (3 / 4) * (7 / 2)],
    ['multinomial, two features', base, feats('cat', 'dog'), (3 / 4) * (7 / 2) * (7 / 9)],
    ['multinomial, unknown feature ignored', base, feats('cat', 'zebra'), (3 / 4) * (7 / 2)],
    ['multinomial, no known feature: the prior', base, feats('zebra'), 3 / 4],
    ['binary counts a repeat once', base, feats('cat', 'cat'), (3 / 4) * (7 / 2)],
    ['counts mode counts a repeat twice', { ...base, features: { minCount: 1, binary: false } }, feats('cat', 'cat'), (3 / 4) * (7 / 2) ** 2],
    ['complement drops the prior', { ...base, variant: 'complement' as const }, feats('cat', 'fish'), (7 / 2) * (7 / 18)],
  ])('%s', (_name, options, input, odds) => {
    const classifier = createClassifier(trainModel(examples, options));
    const { pets } = classifier.predict(input);
    expect(pets!.logOdds).toBeCloseTo(Math.log(odds), 12);
    expect(Math.abs(pets!.probability - probabilityOfOdds(odds))).toBeLessThan(1e-9);
  });

  it('alpha 0.5 changes the weights as Lidstone says', () => {
    // P(cat|pos) = 2.5/4.5, P(cat|neg) = 0.5/5.5; prior odds 2.5/3.5
    const classifier = createClassifier(trainModel(examples, { ...base, alpha: 0.5 }));
    const odds = (2.5 / 3.5) * ((2.5 / 4.5) / (0.5 / 5.5));
    expect(Math.abs(classifier.predict(feats('cat')).pets!.probability - probabilityOfOdds(odds))).toBeLessThan(1e-9);
  });

  it('sqrt length normalisation damps only inputs longer than the median example', () => {
    // Counted features per example: 2, 1, 2, 1, 1 -> median 1.
    const model = trainModel(examples, { ...base, lengthNorm: 'sqrt' });
    expect(model.lengthNorm).toEqual({ method: 'sqrt', reference: 1 });
    const classifier = createClassifier(model);
    const one = classifier.predict(feats('cat')).pets!;
    expect(one.logOdds).toBeCloseTo(Math.log((3 / 4) * (7 / 2)), 12);
    const two = classifier.predict(feats('cat', 'dog')).pets!;
    const expected = Math.log(3 / 4) + Math.log((7 / 2) * (7 / 9)) / Math.SQRT2;
    expect(Math.abs(two.logOdds - expected)).toBeLessThan(1e-12);
    expect(Math.abs(two.probability - 1 / (1 + Math.exp(-expected)))).toBeLessThan(1e-9);
  });

  it('lengthScale is 1 up to the reference and sqrt(ref/n) beyond', () => {
    expect(lengthScale(3, 10)).toBe(1);
    expect(lengthScale(10, 10)).toBe(1);
    expect(lengthScale(40, 10)).toBeCloseTo(0.5, 15);
    expect(lengthScale(1_000_000, Infinity)).toBe(1);
  });
});

describe('stable logistic', () => {
  it.each([
    [0, 0.5],
    [Math.log(3), 0.75],
    [-Math.log(3), 0.25],
    [-40, Math.exp(-40) / (1 + Math.exp(-40))],
  ])('logistic(%d)', (x, p) => {
    expect(Math.abs(logistic(x) - p) / p).toBeLessThan(1e-14);
  });

  it('saturates to exactly 0 or 1 only where doubles cannot tell, never NaN', () => {
    expect(logistic(-700)).toBeGreaterThan(0);
    expect(logistic(-800)).toBe(0);
    expect(logistic(30)).toBeLessThan(1);
    expect(logistic(800)).toBe(1);
    expect(logistic(-Infinity)).toBe(0);
    expect(logistic(Infinity)).toBe(1);
  });

  it.each([
    ['counts, no length normalisation', { ...base, features: { minCount: 1, binary: false } }],
    ['binary, no length normalisation', base],
    ['counts, sqrt length normalisation', { ...base, lengthNorm: 'sqrt' as const, features: { minCount: 1, binary: false } }],
  ])('a 5,000-word input gives a finite log-odds and a probability in [0, 1] (%s)', (_name, options) => {
    const classifier = createClassifier(trainModel(examples, options));
    const words = ['cat', 'dog', 'fish', 'fish', 'zebra'];
    for (const input of [feats(...Array.from({ length: 5000 }, () => 'cat')), feats(...Array.from({ length: 5000 }, (_, i) => words[i % 5]!))]) {
      const { logOdds, probability } = classifier.predict(input).pets!;
      expect(Number.isFinite(logOdds)).toBe(true);
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
      // Exactly 0 or 1 only by saturation: |logOdds| is then beyond what a double resolves.
      if (probability === 1) expect(logOdds).toBeGreaterThan(36);
      if (probability === 0) expect(logOdds).toBeLessThan(-745);
      if (logOdds > -700 && logOdds < 36) {
        expect(probability).toBeGreaterThan(0);
        expect(probability).toBeLessThan(1);
      }
    }
  });

  it('counts mode on 5,000 repeats saturates to 1 without NaN; sqrt makes the evidence grow like sqrt(n), not n', () => {
    const input = feats(...Array.from({ length: 5000 }, () => 'cat'));
    const raw = createClassifier(trainModel(examples, { ...base, features: { minCount: 1, binary: false } })).predict(input).pets!;
    expect(raw.logOdds).toBeCloseTo(Math.log(3 / 4) + 5000 * Math.log(7 / 2), 6);
    expect(raw.probability).toBe(1);
    const damped = createClassifier(trainModel(examples, { ...base, lengthNorm: 'sqrt', features: { minCount: 1, binary: false } })).predict(input).pets!;
    // log(3/4) + sqrt(1/5000) * 5000 * log(7/2) = log(3/4) + sqrt(5000) * log(7/2) ~ 88.3: saturates too, but finitely.
    expect(damped.logOdds).toBeCloseTo(Math.log(3 / 4) + Math.sqrt(5000) * Math.log(7 / 2), 9);
  });
});
