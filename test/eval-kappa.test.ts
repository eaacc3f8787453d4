import { describe, expect, it } from 'vitest';
import { cohensKappa, labellingAgreement, meanKappa } from '../src/eval/kappa';
import { AgreementSchema } from '../src/eval/report-schema';
import { isInputError } from '../src/errors';

describe("cohensKappa: known cases", () => {
  it.each([
    // name, both, onlyA, onlyB, neither, kappa, observed, expected
    // Textbook 2x2 (Wikipedia "Cohen's kappa", first example): po 0.7, pe 0.5.
    ['textbook example', 20, 5, 10, 15, 0.4, 0.7, 0.5],
    // Wikipedia's pair of tables with equal po = 0.60 but different marginals.
    ['unbalanced marginals, same marginal direction', 45, 15, 25, 15, (0.6 - 0.54) / (1 - 0.54), 0.6, 0.54],
    ['unbalanced marginals, opposite directions', 25, 35, 5, 35, (0.6 - 0.46) / (1 - 0.46), 0.6, 0.46],
    ['perfect agreement', 7, 0, 0, 13, 1, 1, (7 * 7 + 13 * 13) / 400],
    ['agreement exactly at chance', 25, 25, 25, 25, 0, 0.5, 0.5],
    ['one side always yes: no better than chance', 5, 5, 0, 0, 0, 0.5, 0.5],
    ['complete disagreement on balanced marginals', 0, 5, 5, 0, -1, 0, 0.5],
  ])('%s', (_name, both, onlyA, onlyB, neither, kappa, observed, expected) => {
    const out = cohensKappa({ both, onlyA, onlyB, neither });
    expect(out.kappa).toBeCloseTo(kappa, 12);
    expect(out.observed).toBeCloseTo(observed, 12);
    expect(out.expected).toBeCloseTo(expected, 12);
  });

  it('rounds nothing: the textbook values come out to 4 places as published', () => {
    expect(cohensKappa({ both: 45, onlyA: 15, onlyB: 25, neither: 15 }).kappa!.toFixed(4)).toBe('0.1304');
    expect(cohensKappa({ both: 25, onlyA: 35, onlyB: 5, neither: 35 }).kappa!.toFixed(4)).toBe('0.2593');
  });

  it.each([
    ['every unit yes on both sides', { both: 10, onlyA: 0, onlyB: 0, neither: 0 }],
    ['every unit no on both sides', { both: 0, onlyA: 0, onlyB: 0, neither: 10 }],
  ])('returns kappa null when expected agreement is 1 (%s): po is 1 too', (_name, table) => {
    expect(cohensKappa(table)).toEqual({ kappa: null, observed: 1, expected: 1 });
  });

  it('returns kappa null with zero agreements for an empty table', () => {
    expect(cohensKappa({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toEqual({ kappa: null, observed: 0, expected: 0 });
  });

  it('is symmetric in the two sides', () => {
    expect(cohensKappa({ both: 3, onlyA: 4, onlyB: 1, neither: 9 }).kappa).toBeCloseTo(
      cohensKappa({ both: 3, onlyA: 1, onlyB: 4, neither: 9 }).kappa!,
      15,
    );
  });
});

describe('meanKappa', () => {
  it('averages the defined kappas and skips the undefined ones', () => {
    expect(meanKappa([{ kappa: 0.2, observed: 0, expected: 0 }, { kappa: null, observed: 1, expected: 1 }, { kappa: 0.6, observed: 0, expected: 0 }])).toBeCloseTo(0.4, 15);
  });
  it('is null when no kappa is defined', () => {
    expect(meanKappa([{ kappa: null, observed: 1, expected: 1 }])).toBeNull();
  });
});

describe('labellingAgreement', () => {
  const a = [
    { id: '1', themes: ['x'], text: 'One.' },
    { id: '2', themes: ['x', 'y'], text: 'Two.' },
    { id: '3', themes: [] },
    { id: '4', themes: ['y'] },
  ];
  const b = [
    { id: '4', themes: ['y'] },
    { id: '3', themes: ['y'] },
    { id: '2', themes: ['x'] },
    { id: '1', themes: ['x'] },
  ];
  const report = labellingAgreement(a, b);

  it('builds a 2x2 table and kappa per theme', () => {
    expect(report.themes).toEqual(['x', 'y']);
    expect(report.perTheme[0]).toMatchObject({ theme: 'x', both: 2, onlyA: 0, onlyB: 0, neither: 2, agreement: { kappa: 1 } });
    // y: both 1 (4), onlyA 1 (2), onlyB 1 (3), neither 1 (1): po 0.5, pe 0.5.
    expect(report.perTheme[1]).toMatchObject({ theme: 'y', both: 1, onlyA: 1, onlyB: 1, neither: 1, agreement: { kappa: 0, observed: 0.5, expected: 0.5 } });
    expect(report.meanKappa).toBe(0.5);
    expect(report.exactAgreement).toBe(0.5);
  });

  it('lists the disagreements in the order of the first labelling', () => {
    expect(report.disagreements).toEqual([
      { id: '2', excerpt: 'Two.', a: ['x', 'y'], b: ['x'], onlyA: ['y'], onlyB: [] },
      { id: '3', a: [], b: ['y'], onlyA: [], onlyB: ['y'] },
    ]);
  });

  it('matches its schema', () => {
    expect(AgreementSchema.parse(report)).toEqual(report);
  });

  it('names the missing ids and the files when the labellings cover different units', () => {
    try {
      labellingAgreement(a, b.slice(1), { names: ['a.jsonl', 'b.jsonl'] });
      throw new Error('expected an error');
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      expect((error as Error).message).toContain('b.jsonl lacks 1 id(s) of a.jsonl: "4"');
    }
  });
});
