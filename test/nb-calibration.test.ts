import { describe, expect, it } from 'vitest';
import { fitPlatt, logLoss } from '../src/nb/calibration';
import { createClassifier } from '../src/nb/classifier';
import { mulberry32 } from '../src/nb/random';
import { trainModel } from '../src/nb/train';
import { type TrainingExample } from '../src/nb/train-options';
import { logistic } from '../src/nb/weights';

/** n scores uniform in [-4, 4] with outcomes drawn from logistic(a * x + b). */
function sample(n: number, a: number, b: number, seed: number): { x: number[]; y: boolean[] } {
  const random = mulberry32(seed);
  const x = Array.from({ length: n }, () => random() * 8 - 4);
  return { x, y: x.map((v) => random() < logistic(a * v + b)) };
}

describe('fitPlatt', () => {
  it.each([
    [1, 0],
    [2, 1],
    [0.25, -0.5],
  ])('recovers scale %d and shift %d from 20,000 samples', (a, b) => {
    const { x, y } = sample(20_000, a, b, 11);
    const fit = fitPlatt(x, y);
    expect(Math.abs(fit.scale - a)).toBeLessThan(0.1 * a + 0.03);
    expect(Math.abs(fit.shift - b)).toBeLessThan(0.08);
  });

  it('stays finite on perfectly separated scores (smoothed targets)', () => {
    const fit = fitPlatt([-3, -2, -1, 1, 2, 3], [false, false, false, true, true, true]);
    expect(Number.isFinite(fit.scale)).toBe(true);
    expect(fit.scale).toBeGreaterThan(0);
    // Targets are 1/5 and 4/5 smoothed: the fit cannot be more confident than that needs.
    expect(logistic(fit.scale * 3 + fit.shift)).toBeLessThan(0.99);
  });

  it('falls back to the base rate when the scores point the wrong way', () => {
    const fit = fitPlatt([-3, -2, 2, 3], [true, true, false, false]);
    expect(fit).toEqual({ scale: 0, shift: Math.log(3 / 3) });
    expect(fitPlatt([], [])).toEqual({ scale: 0, shift: 0 });
  });

  it('lowers the log loss of overconfident scores', () => {
    const { x, y } = sample(5000, 1, 0, 5);
    const overconfident = x.map((v) => v * 6);
    const fit = fitPlatt(overconfident, y);
    const raw = logLoss(overconfident.map(logistic), y);
    const calibrated = logLoss(overconfident.map((v) => logistic(fit.scale * v + fit.shift)), y);
    expect(fit.scale).toBeCloseTo(1 / 6, 1);
    expect(calibrated).toBeLessThan(raw);
  });

  it('does not depend on the order of the examples, to the bit', () => {
    const { x, y } = sample(500, 1.5, 0.3, 9);
    const order = x.map((_, i) => i).reverse();
    expect(fitPlatt(order.map((i) => x[i]!), order.map((i) => y[i]!))).toEqual(fitPlatt(x, y));
  });
});

describe('logLoss', () => {
  it('is the mean negative log-likelihood', () => {
    expect(logLoss([0.5, 0.5], [true, false])).toBeCloseTo(Math.log(2), 15);
    expect(logLoss([0.9, 0.2], [true, false])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 15);
    expect(logLoss([0], [true])).toBeCloseTo(-Math.log(1e-15), 10);
  });
});

describe('calibrated classifier', () => {
  const words = ['dog', 'cat', 'walk', 'house', 'park', 'rain'];
  const random = mulberry32(3);
  const examples: TrainingExample[] = Array.from({ length: 60 }, (_, i) => {
    const features = words.filter(() => random() < 0.4);
    const themes = features.includes('dog') || (features.includes('park') && random() < 0.5) ? ['pets'] : [];
    return { id: `e${i}`, group: `g${i % 10}`, features: features.length ? features : ['house'], themes };
  });

  it('reports probability = logistic(logOdds), with logOdds = scale * raw + shift, and the same threshold decisions', () => {
    const raw = createClassifier(trainModel(examples, { labels: ['pets'], calibration: 'none', features: { minCount: 1 } }));
    const model = trainModel(examples, { labels: ['pets'], features: { minCount: 1 } });
    if (model.calibration.method !== 'platt') throw new Error('expected platt');
    const { scale, shift } = model.calibration.perLabel.pets!;
    const calibrated = createClassifier(model);
    for (const keys of [['dog'], ['park', 'walk'], ['rain'], ['dog', 'park', 'cat']]) {
      const input = keys.map((key, i) => ({ key, start: i, end: i + 1 }));
      const r = raw.predict(input).pets!;
      const c = calibrated.predict(input, { topK: 10 }).pets!;
      expect(c.logOdds).toBeCloseTo(scale * r.logOdds + shift, 12);
      expect(c.probability).toBeCloseTo(logistic(c.logOdds), 15);
      expect(c.probability >= calibrated.thresholds.pets!).toBe(r.probability >= raw.thresholds.pets!);
      // Contributions are in calibrated units too.
      const topSum = c.top.reduce((s, t) => s + t.weight, 0);
      const rawTopSum = r.top.reduce((s, t) => s + t.weight, 0);
      expect(topSum).toBeCloseTo(scale * rawTopSum, 12);
    }
    expect(model.metrics.crossValidated.perLabel.pets!.logLoss).toBeGreaterThan(0);
  });
});
