/**
 * A taxonomy file: the themes a user tags with, each with an id (what corpora,
 * rules and models use), a label (what people read) and a description (what the
 * theme covers). Pure: parsing only; the node entry reads the file.
 */
import { z } from 'zod';
import { InputError, toIssues } from '../errors';

/** One theme of a taxonomy. */
export const TaxonomyThemeSchema = z
  .object({
    /** Kebab-case id used in corpora, rules and models ("school-attendance"). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'theme ids are kebab-case'),
    /** Name shown to people ("School attendance"). */
    label: z.string().min(1),
    /** What the theme covers, for reviewers and labellers. */
    description: z.string().min(1),
  })
  .strict();
export type TaxonomyTheme = z.infer<typeof TaxonomyThemeSchema>;

/** A taxonomy: its themes in the order outputs list them. */
export const TaxonomySchema = z
  .object({
    /** Optional name of the taxonomy. */
    name: z.string().min(1).optional(),
    themes: z
      .array(TaxonomyThemeSchema)
      .min(1, 'a taxonomy needs at least one theme')
      .refine((t) => new Set(t.map((x) => x.id)).size === t.length, 'theme ids must be unique'),
  })
  .strict();
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/**
 * Parses a taxonomy JSON file's text; throws InputError (INVALID_INPUT) naming the
 * file, the line (for a JSON syntax error, or the offending theme) and every issue.
 */
export function parseTaxonomy(source: string, options: { file?: string } = {}): Taxonomy {
  const where = options.file === undefined ? {} : { file: options.file };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(source, Number(position[1])) : undefined;
    throw new InputError(`taxonomy is not valid JSON (${message})`, { ...where, ...(line ? { line } : {}) });
  }
  const parsed = TaxonomySchema.safeParse(value);
  if (!parsed.success) {
    const issues = toIssues(parsed.error.issues);
    const first = issues[0]?.path;
    const line = first && first[0] === 'themes' && typeof first[1] === 'number' ? lineOfElement(source, first[1]) : undefined;
    throw new InputError('taxonomy does not match the taxonomy schema', { ...where, ...(line ? { line } : {}), issues });
  }
  return parsed.data;
}

/** The label of each theme id (ids not in the taxonomy map to themselves). */
export function themeLabels(taxonomy: Taxonomy | undefined, ids: readonly string[]): Record<string, string> {
  const byId = new Map(taxonomy?.themes.map((t) => [t.id, t.label]));
  return Object.fromEntries(ids.map((id) => [id, byId.get(id) ?? id]));
}

/** Throws UNKNOWN_THEME when a theme id is not in the taxonomy; `where` names what held it. */
export function assertKnownThemes(taxonomy: Taxonomy, themes: readonly string[], where: { file?: string; line?: number; what: string }): void {
  const known = new Set(taxonomy.themes.map((t) => t.id));
  const unknown = [...new Set(themes.filter((t) => !known.has(t)))];
  if (unknown.length) {
    throw new InputError(`${where.what} uses theme(s) not in the taxonomy: ${unknown.join(', ')} (known: ${[...known].join(', ')})`, {
      code: 'UNKNOWN_THEME',
      ...(where.file === undefined ? {} : { file: where.file }),
      ...(where.line === undefined ? {} : { line: where.line }),
    });
  }
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

// The line where the n-th object of the "themes" array opens (brace depth scan; strings skipped).
function lineOfElement(source: string, n: number): number | undefined {
  const start = source.search(/"themes"\s*:\s*\[/);
  if (start < 0) return undefined;
  let depth = 0;
  let seen = -1;
  let inString = false;
  for (let i = source.indexOf('[', start) + 1; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0 && ++seen === n) return lineAt(source, i);
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) return undefined;
      depth--;
    }
  }
  return undefined;
}
