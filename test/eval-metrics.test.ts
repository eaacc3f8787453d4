import { describe, expect, it } from 'vitest';
import { evaluate, prf, summarize } from '../src/eval/metrics';
import { EvaluationSchema } from '../src/eval/report-schema';
import { InputError, isInputError } from '../src/errors';
import type { Evidence } from '../src/result-schema';

// Themes "a" and "b" over five units; every figure below is worked out by hand.
const gold = [
  { id: 'u1', text: 'First unit.', themes: ['a'] },
  { id: 'u2', text: 'Second unit.', themes: ['a', 'b'] },
  { id: 'u3', text: 'Third unit.', themes: [] },
  { id: 'u4', text: 'Fourth unit.', themes: ['b'] },
  { id: 'u5', text: 'Fifth unit.', themes: [] },
];
const predicted = [
  { id: 'u1', themes: ['a'] },
  { id: 'u2', themes: ['a'] },
  { id: 'u3', themes: ['b'] },
  { id: 'u4', themes: ['b'] },
  { id: 'u5', themes: [] },
];

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('evaluate: a hand-computed case', () => {
  const report = evaluate(gold, predicted);

  it('lists the union of themes, sorted, and counts units', () => {
    expect(report.themes).toEqual(['a', 'b']);
    expect(report.units).toBe(5);
  });

  it('counts tp/fp/fn/tn and P/R/F1 per theme', () => {
    const [a, b] = report.perTheme;
    expect(a).toMatchObject({ theme: 'a', tp: 2, fp: 0, fn: 0, tn: 3, support: 2, predicted: 2, precision: 1, recall: 1, f1: 1 });
    expect(b).toMatchObject({ theme: 'b', tp: 1, fp: 1, fn: 1, tn: 2, support: 2, predicted: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it("computes each theme's Cohen's kappa", () => {
    // a: po = 1, pe = (2*2 + 3*3)/25 -> kappa 1. b: po = 3/5, pe = 13/25 -> (2/25)/(12/25) = 1/6.
    expect(report.perTheme[0]!.agreement).toEqual({ kappa: 1, observed: 1, expected: 13 / 25 });
    expect(report.perTheme[1]!.agreement.kappa).toBeCloseTo(1 / 6, 12);
    expect(report.perTheme[1]!.agreement.observed).toBe(3 / 5);
    expect(report.meanKappa).toBeCloseTo((1 + 1 / 6) / 2, 12);
  });

  it('computes micro, macro, exact match and Hamming loss', () => {
    expect(report.micro).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(report.macro).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(report.exactMatch).toBe(3 / 5);
    expect(report.hammingLoss).toBe(2 / 10);
  });

  it('builds the gold x predicted co-occurrence table with a "none" column and a no-gold row', () => {
    expect(report.confusion).toEqual([
      { gold: 'a', units: 2, predicted: { a: 2, b: 0 }, none: 0 },
      { gold: 'b', units: 2, predicted: { a: 1, b: 1 }, none: 0 },
      { gold: null, units: 2, predicted: { a: 0, b: 1 }, none: 1 },
    ]);
  });

  it('lists exactly the units that differ, with excerpt, missing and extra themes', () => {
    expect(report.errors).toEqual([
      { id: 'u2', excerpt: 'Second unit.', gold: ['a', 'b'], predicted: ['a'], missing: ['b'], extra: [] },
      { id: 'u3', excerpt: 'Third unit.', gold: [], predicted: ['b'], missing: [], extra: ['b'] },
    ]);
  });

  it('returns a report that its schema accepts', () => {
    expect(EvaluationSchema.parse(report)).toEqual(report);
  });

  it('summarize drops only the per-unit parts', () => {
    const summary = summarize(report);
    expect(summary).not.toHaveProperty('errors');
    expect(summary).not.toHaveProperty('confusion');
    expect(summary.micro).toEqual(report.micro);
  });
});

describe('prf: per-theme precision, recall and F1 from counts', () => {
  it.each([
    // tp, fp, fn, precision, recall, f1
    [0, 0, 0, 0, 0, 0], // 0/0 everywhere counts as 0
    [5, 0, 0, 1, 1, 1],
    [0, 5, 5, 0, 0, 0],
    [3, 1, 2, 0.75, 0.6, 2 / 3],
    [0, 3, 0, 0, 0, 0], // precision 0/3, recall 0/0
    [2, 0, 6, 1, 0.25, 0.4],
  ])('tp=%i fp=%i fn=%i', (tp, fp, fn, precision, recall, f1) => {
    const out = prf(tp, fp, fn);
    expect(out.precision).toBeCloseTo(precision, 15);
    expect(out.recall).toBeCloseTo(recall, 15);
    expect(out.f1).toBeCloseTo(f1, 15);
  });
});

describe('micro and macro averages', () => {
  // Theme x: 9 of 10 found, 1 false alarm. Theme y: rare, 0 of 1 found, 1 false alarm.
  const units = [
    ...Array.from({ length: 10 }, (_, i) => ({ id: `x${i}`, g: ['x'], p: i < 9 ? ['x'] : [] })),
    { id: 'fx', g: [], p: ['x'] },
    { id: 'y0', g: ['y'], p: [] },
    { id: 'fy', g: [], p: ['y'] },
  ];
  const report = evaluate(
    units.map((u) => ({ id: u.id, themes: u.g })),
    units.map((u) => ({ id: u.id, themes: u.p })),
  );

  it('micro pools the counts: tp 9, fp 2, fn 2', () => {
    expect(report.micro.precision).toBeCloseTo(9 / 11, 15);
    expect(report.micro.recall).toBeCloseTo(9 / 11, 15);
    expect(report.micro.f1).toBeCloseTo(9 / 11, 15);
  });

  it('macro is the unweighted mean of per-theme scores (so the rare theme weighs as much)', () => {
    expect(report.macro.precision).toBeCloseTo((0.9 + 0) / 2, 15);
    expect(report.macro.recall).toBeCloseTo((0.9 + 0) / 2, 15);
    expect(report.macro.f1).toBeCloseTo((0.9 + 0) / 2, 15);
  });

  it('macro covers every listed theme, counting one nobody carries or gets as 0', () => {
    const withUnused = evaluate(
      units.map((u) => ({ id: u.id, themes: u.g })),
      units.map((u) => ({ id: u.id, themes: u.p })),
      { themes: ['x', 'y', 'z'] },
    );
    expect(withUnused.perTheme[2]).toMatchObject({ theme: 'z', precision: 0, recall: 0, f1: 0, tn: units.length });
    expect(withUnused.perTheme[2]!.agreement.kappa).toBeNull();
    expect(withUnused.macro.f1).toBeCloseTo(0.9 / 3, 15);
    expect(withUnused.micro).toEqual(report.micro);
    // Kappa of z is undefined, so the mean kappa is over x and y only.
    expect(withUnused.meanKappa).toBeCloseTo(report.meanKappa!, 15);
  });
});

describe('evaluate: inputs', () => {
  it('accepts maps by id and keeps the gold order', () => {
    const g = new Map([
      ['b', { themes: ['t'] }],
      ['a', { themes: [] }],
    ]);
    const p = new Map([
      ['a', { themes: ['t'] }],
      ['b', { themes: ['t'] }],
    ]);
    const report = evaluate(g, p);
    expect(report.perTheme[0]).toMatchObject({ tp: 1, fp: 1, fn: 0, tn: 0 });
    expect(report.errors.map((e) => e.id)).toEqual(['a']);
    expect(report.errors[0]).not.toHaveProperty('excerpt');
  });

  it('orders themes as given in options.themes', () => {
    expect(evaluate(gold, predicted, { themes: ['b', 'a'] }).perTheme.map((m) => m.theme)).toEqual(['b', 'a']);
  });

  it('raises an InputError naming the ids missing on each side', () => {
    const error = thrown(() =>
      evaluate(gold, [...predicted.filter((p) => p.id !== 'u4' && p.id !== 'u2'), { id: 'zz', themes: [] }]),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('predicted lacks 2 id(s) of gold: "u2", "u4"');
    expect(error.message).toContain('gold lacks 1 id(s) of predicted: "zz"');
    expect(error.issues).toHaveLength(3);
  });

  it.each([
    ['a repeated id', [...gold, { id: 'u1', themes: [] }], /duplicate id "u1"/],
    ['a missing id', [...gold, { themes: [] } as unknown as (typeof gold)[number]], /missing id/],
    ['themes that are not an array', [{ id: 'u1', themes: 'a' } as unknown as (typeof gold)[number]], /array of theme ids/],
  ])('raises an InputError for %s', (_name, items, message) => {
    const error = thrown(() => evaluate(items, predicted));
    expect(error.issues.map((i) => i.message).join('\n')).toMatch(message);
  });

  it('raises UNKNOWN_THEME for a label outside options.themes, naming the unit', () => {
    const error = thrown(() => evaluate(gold, predicted, { themes: ['a'] }));
    expect(error.code).toBe('UNKNOWN_THEME');
    expect(error.issues[0]).toEqual({ path: ['gold', 'u2'], message: 'theme "b" is not one of a' });
  });

  it('refuses to evaluate nothing', () => {
    expect(thrown(() => evaluate([], [])).message).toMatch(/nothing to evaluate/);
  });
});

describe('evaluate: error list with tag results', () => {
  const evidence: Evidence = { kind: 'rule', theme: 'b', ruleId: 'b.cue', weight: 0.9, start: 0, end: 5, text: 'Third' };
  const results = predicted.map((p) => ({
    ...p,
    scores: { a: p.themes.includes('a') ? 0.8 : 0.1, b: p.themes.includes('b') ? 0.9 : 0.2 },
    document: {
      a: { evidence: [] as Evidence[] },
      b: { evidence: p.id === 'u3' ? [evidence] : ([] as Evidence[]) },
    },
  }));
  const report = evaluate(gold, results, { excerptLength: 6 });

  it('carries the scores and the evidence of the wrong themes', () => {
    const u3 = report.errors.find((e) => e.id === 'u3')!;
    expect(u3.scores).toEqual({ a: 0.1, b: 0.9 });
    expect(u3.evidence).toEqual({ b: [evidence] });
    const u2 = report.errors.find((e) => e.id === 'u2')!;
    expect(u2.evidence).toEqual({});
    expect(u2.scores).toEqual({ a: 0.8, b: 0.2 });
  });

  it('cuts excerpts at a word boundary with an ellipsis', () => {
    expect(report.errors.find((e) => e.id === 'u2')!.excerpt).toBe('Second…');
  });
});
