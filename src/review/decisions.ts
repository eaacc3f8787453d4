/**
 * Reviewer decisions: one JSON object per line, `{id, text, themes}` plus where the
 * passage came from and who decided. Validated with line numbers, then turned into
 * corpus units with provenance (`source: "review"`). Pure.
 */
import { z } from 'zod';
import { InputError, type Issue } from '../errors';
import { parseJsonLines, type CorpusUnit } from '../corpus/schema';

/** One reviewer decision on a passage: the themes it carries (empty: none). */
export const ReviewDecisionSchema = z
  .object({
    /** The passage id from the queue (`document#index`); unique in a file. */
    id: z.string().min(1),
    text: z.string().refine((t) => t.trim().length > 0, 'text must not be empty'),
    themes: z.array(z.string()).refine((t) => new Set(t).size === t.length, 'themes must not repeat'),
    document: z.string().min(1).optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    page: z.number().int().positive().optional(),
    reviewer: z.string().min(1).optional(),
    /** ISO date (YYYY-MM-DD) of the decision. */
    date: z.iso.date().optional(),
    note: z.string().optional(),
  })
  .strict();
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** Options of {@link parseDecisions}. */
export interface ParseDecisionsOptions {
  /** File name for error messages. */
  readonly file?: string;
  /** Known theme ids; a decision naming another is an UNKNOWN_THEME error. */
  readonly themes?: readonly string[];
}

/**
 * Parses decisions JSON Lines. Throws InputError naming the file and the first bad
 * line, listing every problem: invalid JSON or fields (INVALID_INPUT), unknown
 * themes (UNKNOWN_THEME), repeated ids (INVALID_INPUT).
 */
export function parseDecisions(source: string, options: ParseDecisionsOptions = {}): ReviewDecision[] {
  const where = options.file === undefined ? {} : { file: options.file };
  const decisions = parseJsonLines(source, ReviewDecisionSchema, where);
  // parseJsonLines returned, so every non-blank line is one decision, in order.
  const lineNumbers = source.split(/\r?\n/).flatMap((line, i) => (line.trim() ? [i + 1] : []));
  const known = options.themes ? new Set(options.themes) : undefined;
  const unknown: Issue[] = [];
  const repeated: Issue[] = [];
  const firstLineOf = new Map<string, number>();
  decisions.forEach((d, i) => {
    const line = lineNumbers[i]!;
    if (known) for (const t of d.themes) if (!known.has(t)) unknown.push({ path: [`line ${line}`, 'themes'], message: `unknown theme "${t}" (known: ${[...known].join(', ')})` });
    const earlier = firstLineOf.get(d.id);
    if (earlier !== undefined) repeated.push({ path: [`line ${line}`, 'id'], message: `id "${d.id}" repeats line ${earlier}` });
    else firstLineOf.set(d.id, line);
  });
  const problems = [...unknown, ...repeated];
  if (problems.length) {
    const line = Math.min(...problems.map((p) => Number(String(p.path[0]).slice(5))));
    throw new InputError(`${problems.length} problem(s) in review decisions`, { code: unknown.length ? 'UNKNOWN_THEME' : 'INVALID_INPUT', ...where, line, issues: problems });
  }
  return decisions;
}

/** Provenance filled in where a decision does not carry its own. */
export interface DecisionProvenance {
  readonly reviewer?: string;
  /** ISO date. */
  readonly date?: string;
}

/**
 * Decisions as corpus units: `source: "review"` (real text, so training weights and
 * calibrates on them), grouped by document so cross-validation keeps a document's
 * passages together.
 */
export function decisionsToUnits(decisions: readonly ReviewDecision[], provenance: DecisionProvenance = {}): CorpusUnit[] {
  return decisions.map((d) => {
    const reviewer = d.reviewer ?? provenance.reviewer;
    const date = d.date ?? provenance.date;
    return {
      id: d.id,
      text: d.text,
      themes: [...d.themes],
      group: d.document ?? d.id,
      source: 'review' as const,
      ...(reviewer === undefined ? {} : { reviewer }),
      ...(date === undefined ? {} : { date }),
    };
  });
}

/**
 * Splits reviewed units into those to learn from and a held-out part to measure
 * the gain on, by group (document) so a document's passages stay on one side;
 * by unit when all come from one document. Deterministic for a seed.
 */
export function holdOutReviewed(units: readonly CorpusUnit[], share = 0.2, seed = 1): { train: CorpusUnit[]; heldOut: CorpusUnit[] } {
  if (!(share > 0 && share < 1)) throw new InputError(`held-out share must be between 0 and 1 (got ${share})`, { code: 'INVALID_OPTIONS' });
  const keyOf = (u: CorpusUnit) => u.group ?? u.id;
  let keys = [...new Set(units.map(keyOf))];
  const byUnit = keys.length < 5;
  if (byUnit) keys = units.map((u) => u.id);
  keys.sort((a, b) => mix(a, seed) - mix(b, seed) || (a < b ? -1 : 1));
  const target = Math.max(1, Math.round(units.length * share));
  const held = new Set<string>();
  let count = 0;
  const size = new Map<string, number>();
  for (const u of units) size.set(byUnit ? u.id : keyOf(u), (size.get(byUnit ? u.id : keyOf(u)) ?? 0) + 1);
  for (const k of keys) {
    if (count >= target) break;
    held.add(k);
    count += size.get(k)!;
  }
  const isHeld = (u: CorpusUnit) => held.has(byUnit ? u.id : keyOf(u));
  return { train: units.filter((u) => !isHeld(u)), heldOut: units.filter(isHeld) };
}

// FNV-1a of the key and seed: a stable shuffle order.
function mix(key: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
