/**
 * The labelled corpus: one JSON object per line. Pure: parsing only, no file IO
 * (the node entry reads the files).
 */
import { z } from 'zod';
import { InputError, toIssues, type Issue } from '../errors';

/** Register a unit was written in. Chronology, method and statistics mostly carry no theme. */
export const GenreSchema = z.enum([
  'overview-findings',
  'executive-summary',
  'rapid-review',
  'learning-brief',
  'recommendation',
  'chronology',
  'method',
  'agency-practice',
  'press-report',
  'panel-analysis',
  'statistics',
]);
export type Genre = z.infer<typeof GenreSchema>;

/** The kind of public page a real-register unit was written from. */
export const SourceKindSchema = z.enum([
  'scr',
  'lcspr',
  'executive-summary',
  'learning-brief',
  'seven-minute-briefing',
  'rapid-review',
  'panel',
  'nspcc-summary',
  'analysis',
  'inspection',
  'press',
  'partnership',
  'other',
]);
export type SourceKind = z.infer<typeof SourceKindSchema>;

const themeId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'theme ids are kebab-case');

/** Where a unit's label came from: written for the corpus (the default) or a reviewer's decision. */
export const UnitSourceSchema = z.enum(['written', 'review']);
export type UnitSource = z.infer<typeof UnitSourceSchema>;

/**
 * One labelled unit: a sentence or a short passage. Only id, text and themes are
 * required, so a user's own corpus needs nothing that only the shipped corpus uses;
 * the shipped corpus is held to {@link ShippedCorpusUnitSchema} by its tests.
 */
export const CorpusUnitSchema = z
  .object({
    id: z.string().min(1),
    text: z.string().regex(/\S/, 'text must not be empty or only whitespace'),
    themes: z.array(themeId).refine((t) => new Set(t).size === t.length, 'themes must not repeat'),
    /** Register the unit was written in (free text; the shipped corpus uses {@link GenreSchema}). */
    genre: z.string().min(1).optional(),
    /** The document or review the unit belongs to; cross-validation keeps a group in one fold. Default: the unit alone. */
    group: z.string().min(1).optional(),
    /** Held out for testing (`test`) or learned from (`train`, the default). */
    split: z.enum(['train', 'test']).optional(),
    /**
     * Real-register units only: the public page the unit was written from (in the
     * project's own words; facts and terms of art kept, sentences not). Its presence
     * marks a unit as real-register, which training calibrates on.
     */
    source_url: z.string().url().optional(),
    /** Real-register units only: the kind of page it came from. */
    source_kind: SourceKindSchema.optional(),
    /** `review`: a reviewer's decision on a passage of the user's own archive (real text, so real-register). */
    source: UnitSourceSchema.optional(),
    /** Who made a review decision. */
    reviewer: z.string().min(1).optional(),
    /** When a review decision was made (ISO date, YYYY-MM-DD). */
    date: z.iso.date().optional(),
  })
  .strict();
export type CorpusUnit = z.infer<typeof CorpusUnitSchema>;

/** The shipped corpus's stricter shape: every unit has a known genre, a review group and a split. */
export const ShippedCorpusUnitSchema = CorpusUnitSchema.extend({
  genre: GenreSchema,
  group: z.string().min(1),
  split: z.enum(['train', 'test']),
});

export type ShippedCorpusUnit = z.infer<typeof ShippedCorpusUnitSchema>;

/** A unit's split: units without one are learned from. */
export const splitOf = (unit: Pick<CorpusUnit, 'split'>): 'train' | 'test' => unit.split ?? 'train';

/** A labelled example as the evaluation and training APIs take it (corpus units fit). */
export const LabelledExampleSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  themes: z.array(z.string()),
  group: z.string().optional(),
});
export type LabelledExample = z.infer<typeof LabelledExampleSchema>;

/**
 * Parses JSON Lines of a schema, line by line. Collects every bad line (with its
 * 1-based line number) and throws one InputError listing them, so a user fixes all
 * at once; blank lines are allowed.
 */
export function parseJsonLines<T>(
  source: string,
  schema: z.ZodType<T>,
  options: { file?: string; code?: 'INVALID_CORPUS' | 'INVALID_INPUT' } = {},
): T[] {
  const out: T[] = [];
  const problems: Issue[] = [];
  let firstBadLine: number | undefined;
  const lines = source.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ path: [`line ${i + 1}`], message: `not valid JSON (${(error as Error).message})` });
      firstBadLine ??= i + 1;
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
    else {
      for (const issue of toIssues(parsed.error.issues)) problems.push({ path: [`line ${i + 1}`, ...issue.path], message: issue.message });
      firstBadLine ??= i + 1;
    }
  });
  if (problems.length) {
    throw new InputError(`${problems.length} problem(s) in JSON Lines input`, {
      code: options.code ?? 'INVALID_INPUT',
      ...(options.file === undefined ? {} : { file: options.file }),
      ...(firstBadLine === undefined ? {} : { line: firstBadLine }),
      issues: problems,
    });
  }
  return out;
}

/** Parses corpus JSON Lines; throws InputError (INVALID_CORPUS) naming file and line. Ids must be unique. */
export function parseCorpus(source: string, options: { file?: string } = {}): CorpusUnit[] {
  const units = parseJsonLines(source, CorpusUnitSchema, { ...options, code: 'INVALID_CORPUS' });
  assertUniqueIds(units, options.file);
  return units;
}

/** Throws when two units share an id (ids are evidence keys in error lists). */
export function assertUniqueIds(units: readonly { id: string }[], file?: string): void {
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.id)) {
      throw new InputError(`duplicate id "${u.id}"`, { code: 'INVALID_CORPUS', ...(file === undefined ? {} : { file }) });
    }
    seen.add(u.id);
  }
}
