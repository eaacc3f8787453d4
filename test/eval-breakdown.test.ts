import { describe, expect, it } from 'vitest';
import { breakdownBy, MISSING_VALUE } from '../src/eval/breakdown';
import { evaluate } from '../src/eval/metrics';
import { BreakdownSchema } from '../src/eval/report-schema';

const gold = [
  { id: 'a1', themes: ['visits'] },
  { id: 'a2', themes: ['visits', 'records'] },
  { id: 'a3', themes: [] },
  { id: 'b1', themes: [] },
  { id: 'b2', themes: [] },
  { id: 'b3', themes: ['records'] },
  { id: 'c1', themes: ['records'] },
];
const predicted = [
  { id: 'a1', themes: ['visits'] },
  { id: 'a2', themes: ['visits'] },
  { id: 'a3', themes: ['records'] },
  { id: 'b1', themes: [] },
  { id: 'b2', themes: ['visits'] },
  { id: 'b3', themes: ['records'] },
  { id: 'c1', themes: [] },
];
const kind: Record<string, string> = { a1: 'summary', a2: 'summary', a3: 'summary', b1: 'chronology', b2: 'chronology', b3: 'chronology' };

describe('breakdownBy', () => {
  const breakdown = breakdownBy(gold, predicted, (id) => kind[id], { field: 'kind', themes: ['records', 'visits'] });

  it('has one row per value, largest first, units without the field under (none), and fits its schema', () => {
    expect(BreakdownSchema.parse(breakdown)).toEqual(breakdown);
    expect(breakdown.field).toBe('kind');
    expect(breakdown.rows.map((r) => [r.value, r.units])).toEqual([
      ['chronology', 3],
      ['summary', 3],
      [MISSING_VALUE, 1],
    ]);
  });

  it('averages the themes the subgroup carries, and counts no-theme units tagged anyway', () => {
    const chronology = breakdown.rows[0]!;
    // Only records is carried (b3), found, and visits was a false alarm on b2: macro is records' F1 alone.
    expect(chronology.themesPresent).toEqual(['records']);
    expect(chronology.macro.f1).toBe(1);
    expect(chronology).toMatchObject({ noThemeUnits: 2, noThemeTagged: 1 });
    expect(chronology.micro.precision).toBeCloseTo(1 / 2, 12);
    const summary = breakdown.rows[1]!;
    // records: tp 0, fp 1 (a3), fn 1 (a2): F1 0; visits: tp 2: F1 1.
    expect(summary.themesPresent).toEqual(['records', 'visits']);
    expect(summary.macro.f1).toBeCloseTo(0.5, 12);
    expect(summary.exactMatch).toBeCloseTo(1 / 3, 12);
    expect(breakdown.rows[2]!).toMatchObject({ value: MISSING_VALUE, noThemeUnits: 0, macro: { f1: 0 } });
  });

  it('gives the whole evaluation back when every unit has the same value', () => {
    const whole = breakdownBy(gold, predicted, () => 'all', { field: 'x', themes: ['records', 'visits'] }).rows[0]!;
    const point = evaluate(gold, predicted, { themes: ['records', 'visits'] });
    expect(whole.micro).toEqual(point.micro);
    expect(whole.macro.f1).toBeCloseTo(point.macro.f1, 12);
    expect(whole.exactMatch).toBeCloseTo(point.exactMatch, 12);
  });

  it('refuses mismatched ids as evaluate does', () => {
    expect(() => breakdownBy(gold, predicted.slice(1), () => 'x', { field: 'x' })).toThrow(/same ids/);
  });
});
