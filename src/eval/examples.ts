/** Checking labelled examples and summarising per-fold figures, shared by the evaluation entry points. */
import { z } from 'zod';
import { InputError, toIssues } from '../errors';
import { LabelledExampleSchema, type LabelledExample } from '../corpus/schema';
import type { Spread } from './report-schema';

/**
 * Validates labelled examples (`{id, text, themes, group?}`, extra fields kept
 * out) and their ids.
 * @throws InputError `INVALID_CORPUS` with the JSON path of every bad field, or naming a repeated id.
 */
export function checkExamples(examples: readonly unknown[]): LabelledExample[] {
  const parsed = z.array(LabelledExampleSchema).safeParse(examples);
  if (!parsed.success) throw new InputError('invalid labelled examples', { code: 'INVALID_CORPUS', issues: toIssues(parsed.error.issues) });
  const seen = new Set<string>();
  parsed.data.forEach((e, i) => {
    if (seen.has(e.id)) throw new InputError(`duplicate id "${e.id}"`, { code: 'INVALID_CORPUS', issues: [{ path: [i, 'id'], message: 'repeats an earlier id' }] });
    seen.add(e.id);
  });
  if (!parsed.data.length) throw new InputError('no labelled examples', { code: 'INVALID_CORPUS' });
  return parsed.data;
}

/** The labels to learn when none are given: every theme some example carries, sorted. */
export function labelsOf(examples: readonly LabelledExample[]): string[] {
  return [...new Set(examples.flatMap((e) => e.themes))].sort();
}

/** Mean, sample standard deviation (n - 1; 0 for a single value), minimum and maximum. */
export function spreadOf(values: readonly number[]): Spread {
  if (!values.length) throw new RangeError('spreadOf: no values');
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}
