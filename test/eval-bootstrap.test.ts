import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, pairedBootstrap } from '../src/eval/bootstrap';
import { evaluate } from '../src/eval/metrics';
import { PairedBootstrapSchema, ScoreIntervalsSchema } from '../src/eval/report-schema';
import { mulberry32 } from '../src/nb/random';
import { InputError } from '../src/errors';

type Unit = { id: string; themes: string[]; group?: string };

// A made-up two-theme labelling with some of each kind of error.
function sample(n: number, seed: number): { gold: Unit[]; predicted: Unit[] } {
  const random = mulberry32(seed);
  const gold: Unit[] = [];
  const predicted: Unit[] = [];
  for (let i = 0; i < n; i++) {
    const g = ['visits', 'records'].filter(() => random() < 0.4);
    // Right 80% of the time per theme.
    const p = ['visits', 'records'].filter((t) => (random() < 0.8 ? g.includes(t) : !g.includes(t)));
    gold.push({ id: `u${i}`, themes: g, group: `review-${Math.floor(i / 5)}` });
    predicted.push({ id: `u${i}`, themes: p });
  }
  return { gold, predicted };
}

describe('bootstrapIntervals', () => {
  const { gold, predicted } = sample(300, 7);

  it('reports the point scores evaluate gives, inside their intervals, and fits its schema', () => {
    const intervals = bootstrapIntervals(gold, predicted, { resamples: 500 });
    expect(ScoreIntervalsSchema.parse(intervals)).toEqual(intervals);
    const point = evaluate(gold, predicted);
    intervals.perTheme.forEach((t, i) => {
      expect(t.theme).toBe(point.perTheme[i]!.theme);
      for (const key of ['precision', 'recall', 'f1'] as const) {
        expect(t[key].estimate).toBeCloseTo(point.perTheme[i]![key], 12);
        expect(t[key].low).toBeLessThanOrEqual(t[key].estimate);
        expect(t[key].high).toBeGreaterThanOrEqual(t[key].estimate);
        expect(t[key].high - t[key].low).toBeGreaterThan(0.01);
      }
    });
    expect(intervals.macro.f1.estimate).toBeCloseTo(point.macro.f1, 12);
    expect(intervals.micro.f1.estimate).toBeCloseTo(point.micro.f1, 12);
    expect(intervals).toMatchObject({ resamples: 500, level: 0.95, seed: 1, resampledBy: 'group', clusters: 60 });
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = bootstrapIntervals(gold, predicted, { resamples: 200, seed: 3 });
    expect(bootstrapIntervals(gold, predicted, { resamples: 200, seed: 3 })).toEqual(a);
    expect(bootstrapIntervals(gold, predicted, { resamples: 200, seed: 4 }).macro.f1).not.toEqual(a.macro.f1);
  });

  it('gives [1, 1] for a perfect labelling', () => {
    const intervals = bootstrapIntervals(gold, gold, { resamples: 100 });
    for (const t of intervals.perTheme) expect(t.f1).toEqual({ estimate: 1, low: 1, high: 1 });
  });

  it('leaves a resample with no unit of a rare theme out of that theme\'s interval, instead of scoring it 0', () => {
    // 2 of 100 units carry the theme and a perfect tagger finds both: about one resample in seven holds neither.
    const goldUnits = Array.from({ length: 100 }, (_, i) => ({ id: `u${i}`, themes: i < 2 ? ['rare'] : ['common'] }));
    const intervals = bootstrapIntervals(goldUnits, goldUnits, { resamples: 1000 });
    const rare = intervals.perTheme.find((t) => t.theme === 'rare')!;
    expect(rare.f1).toMatchObject({ estimate: 1, low: 1, high: 1 });
    expect(rare.f1.resamplesUsed).toBeGreaterThan(750);
    expect(rare.f1.resamplesUsed).toBeLessThan(950);
    expect(intervals.macro.f1).toMatchObject({ estimate: 1, low: 1, high: 1 });
    // A theme defined in every resample reports no count.
    expect(intervals.perTheme.find((t) => t.theme === 'common')!.f1.resamplesUsed).toBeUndefined();
  });

  it('keeps evaluate\'s 0 for a theme nobody carries or predicts', () => {
    const intervals = bootstrapIntervals(gold, predicted, { resamples: 100, themes: ['absent', 'records', 'visits'] });
    expect(intervals.perTheme[0]!.f1).toEqual({ estimate: 0, low: 0, high: 0 });
    expect(intervals.macro.f1.estimate).toBeCloseTo(evaluate(gold, predicted, { themes: ['absent', 'records', 'visits'] }).macro.f1, 12);
    expect(intervals.macro.f1.low).toBeLessThanOrEqual(intervals.macro.f1.estimate);
  });

  it('refuses to resample a single group', () => {
    const one = gold.map((u) => ({ ...u, group: 'one' }));
    expect(() => bootstrapIntervals(one, predicted)).toThrow(/at least 2 groups/);
    expect(() => bootstrapIntervals([{ id: 'u0', themes: ['visits'] }], [predicted[0]!])).toThrow(/at least 2 units/);
  });

  it('resamples whole groups: one right group and one wrong group can only give their three mixtures', () => {
    const right = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, themes: ['visits'], group: 'A' }));
    const wrong = Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, themes: ['visits'], group: 'B' }));
    const goldUnits = [...right, ...wrong];
    const predictedUnits = [...right.map((u) => ({ id: u.id, themes: ['visits'] })), ...wrong.map((u) => ({ id: u.id, themes: [] }))];
    const byGroup = bootstrapIntervals(goldUnits, predictedUnits, { resamples: 1000 });
    expect(byGroup).toMatchObject({ resampledBy: 'group', clusters: 2 });
    // Resamples AA (F1 1), AB (2/3) and BB (0), a quarter, a half and a quarter of the time.
    expect(byGroup.perTheme[0]!.f1).toMatchObject({ low: 0, high: 1 });
    const byUnit = bootstrapIntervals(goldUnits.map(({ id, themes }) => ({ id, themes })), predictedUnits, { resamples: 1000 });
    expect(byUnit).toMatchObject({ resampledBy: 'unit', clusters: 20 });
    expect(byUnit.perTheme[0]!.f1.low).toBeGreaterThan(0.3);
    expect(byUnit.perTheme[0]!.f1.high).toBeLessThan(0.9);
  });

  it('covers the population F1 about as often as its level says', () => {
    // A population where each theme is right 80% of the time; F1 of visits over 200,000 units.
    const population = sample(200_000, 11);
    const truth = evaluate(population.gold, population.predicted, { themes: ['records', 'visits'] }).perTheme[1]!.f1;
    let covered = 0;
    const draws = 200;
    for (let d = 0; d < draws; d++) {
      const { gold: g, predicted: p } = sample(200, 1000 + d);
      const ungrouped = g.map(({ id, themes }) => ({ id, themes }));
      const f1 = bootstrapIntervals(ungrouped, p, { resamples: 300, seed: d, themes: ['records', 'visits'] }).perTheme[1]!.f1;
      if (f1.low <= truth && truth <= f1.high) covered++;
    }
    expect(covered / draws).toBeGreaterThan(0.88);
    expect(covered / draws).toBeLessThan(0.99);
  });

  it('refuses settings out of range and ids that do not match, with typed errors', () => {
    for (const bad of [{ resamples: 0 }, { resamples: 1.5 }, { level: 1 }, { level: 0 }, { seed: 0.5 }]) {
      expect(() => bootstrapIntervals(gold, predicted, bad)).toThrow(InputError);
    }
    const error = (() => {
      try {
        bootstrapIntervals(gold, predicted, { level: 2 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]!.path).toEqual(['level']);
    expect(() => bootstrapIntervals(gold, predicted.slice(1))).toThrow(/same ids/);
  });
});

describe('pairedBootstrap', () => {
  const { gold, predicted } = sample(300, 9);

  it('gives a zero difference for a labelling against itself', () => {
    const paired = pairedBootstrap(gold, predicted, predicted, { resamples: 200 });
    expect(PairedBootstrapSchema.parse(paired)).toEqual(paired);
    expect(paired.macro.f1).toEqual({ difference: 0, low: 0, high: 0, aAhead: 0 });
  });

  it('puts a labelling that is better on every unit ahead in every resample', () => {
    const worse = predicted.map((p, i) => ({ id: p.id, themes: i % 3 === 0 ? [] : p.themes }));
    const paired = pairedBootstrap(gold, gold, worse, { resamples: 300 });
    expect(paired.macro.f1.difference).toBeGreaterThan(0);
    expect(paired.macro.f1.low).toBeGreaterThan(0);
    expect(paired.macro.f1.aAhead).toBe(1);
    // The difference is the difference of the two point F1s.
    const a = evaluate(gold, gold).macro.f1;
    const b = evaluate(gold, worse).macro.f1;
    expect(paired.macro.f1.difference).toBeCloseTo(a - b, 12);
  });

  it('is narrower than the unpaired intervals of two labellings that share their errors', () => {
    // b = a with one unit in twenty changed: most of their variation is shared.
    const b = predicted.map((p, i) => ({ id: p.id, themes: i % 20 === 0 ? [] : p.themes }));
    const paired = pairedBootstrap(gold, predicted, b, { resamples: 500 });
    const single = bootstrapIntervals(gold, predicted, { resamples: 500 }).macro.f1;
    expect(paired.macro.f1.high - paired.macro.f1.low).toBeLessThan((single.high - single.low) / 2);
  });
});

describe('pairedBootstrap with a rare theme', () => {
  it('averages the same themes on both sides of a resample', () => {
    // 2 of 60 units carry "rare". a finds both and also says "rare" once where gold has none;
    // b never says it. In a resample with no gold "rare", a's F1 for it is 0 when that unit was
    // drawn and b's is undefined: a macro over different themes would put a 0.5 behind there.
    const goldUnits = Array.from({ length: 60 }, (_, i) => ({ id: `u${i}`, themes: i < 2 ? ['rare', 'common'] : ['common'] }));
    const a = goldUnits.map((u, i) => ({ id: u.id, themes: i === 59 ? ['rare', 'common'] : u.themes }));
    const b = goldUnits.map((u) => ({ id: u.id, themes: ['common'] }));
    const paired = pairedBootstrap(goldUnits, a, b, { resamples: 1000 });
    expect(paired.macro.f1.difference).toBeCloseTo(0.4, 12);
    // Wherever both are defined, a is at least as good as b: never behind.
    expect(paired.macro.f1.low).toBeGreaterThanOrEqual(0);
    expect(paired.macro.f1.resamplesUsed).toBeUndefined();
  });
});
