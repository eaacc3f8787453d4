/**
 * The rule set file format: a zod schema (types inferred from it), `parseRuleSet`
 * that throws and `safeParseRuleSet` that returns a result, and the JSON Schema
 * for editors and systems not written in TypeScript.
 */
import { z } from 'zod';
import { RuleSetError, toIssues, type Issue } from '../errors';
import { formatPatternError, MAX_PATTERN_LENGTH, safeParsePattern } from './pattern';

/** Rule ids: lower case, parts joined by dots or hyphens ("info.not-passed-on"). */
export const RULE_ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** Theme ids: kebab-case ("child-daily-life"). */
export const THEME_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The format name every rule set file carries. */
export const RULE_SET_FORMAT = 'practice-themes-rules';

const ThemeIdSchema = z.string().regex(THEME_ID_PATTERN, 'theme ids are kebab-case, e.g. "child-daily-life"');
const PatternSourceSchema = z
  .string()
  .min(1, 'a pattern cannot be empty')
  .max(MAX_PATTERN_LENGTH, `a pattern may be at most ${MAX_PATTERN_LENGTH} characters: split it into several rules`);

/** A theme a rule set declares, with the label shown to users. */
export const RuleSetThemeSchema = z.strictObject({
  id: ThemeIdSchema,
  label: z.string().min(1),
  description: z.string().optional(),
});
/** A theme a rule set declares. */
export type RuleSetTheme = z.infer<typeof RuleSetThemeSchema>;

/** One rule: a pattern, optional conditions, a weight, a note and its own test examples. */
export const RuleSchema = z
  .strictObject({
    id: z.string().regex(RULE_ID_PATTERN, 'rule ids are lower case with dots or hyphens, e.g. "info.not-passed-on"'),
    theme: ThemeIdSchema,
    pattern: PatternSourceSchema.describe('The main pattern; its first to last matched token is the evidence span.'),
    also: z
      .strictObject({
        pattern: PatternSourceSchema,
        within: z.number().int().min(1).max(20).optional().describe('Maximum words between this match and the main match.'),
      })
      .optional()
      .describe('A second pattern that must also match in the same sentence.'),
    unless: z
      .array(PatternSourceSchema)
      .min(1)
      .optional()
      .describe('Exclusion patterns: the rule does not fire when any of them matches in the same sentence.'),
    negated: z
      .enum(['required', 'forbidden'])
      .optional()
      .describe('required: a word of the main match is in a negation scope; forbidden: none is.'),
    weight: z.number().gt(0).lte(1).describe('How sure the rule is, in (0, 1].'),
    note: z.string().min(1).describe('Why the rule exists, in a few words.'),
    examples: z.strictObject({
      match: z.array(z.string().min(1)).min(1),
      noMatch: z.array(z.string().min(1)).min(1),
    }),
  })
  .describe('A rule. Pattern syntax: word, (a|b c), elem?, ~N (0..N words), * (one word).');
/** One rule of a rule set. */
export type Rule = z.infer<typeof RuleSchema>;

/** A rule set file. */
export const RuleSetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(RULE_SET_FORMAT),
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    themes: z.array(RuleSetThemeSchema).optional(),
    rules: z.array(RuleSchema).min(1),
  })
  .superRefine((set, ctx) => {
    const seenRules = new Map<string, number>();
    set.rules.forEach((rule, i) => {
      const first = seenRules.get(rule.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}" (also rules[${first}])` });
      else seenRules.set(rule.id, i);
    });
    if (set.themes === undefined) return;
    const declared = new Set<string>();
    set.themes.forEach((theme, i) => {
      if (declared.has(theme.id)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `theme "${theme.id}" is declared twice` });
      declared.add(theme.id);
    });
    set.rules.forEach((rule, i) => {
      if (!declared.has(rule.theme)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'theme'],
          message: `theme "${rule.theme}" is not declared in themes (declared: ${[...declared].join(', ') || 'none'})`,
        });
      }
    });
  })
  .describe('A practice-themes rule set.');
/** A rule set, as validated by {@link parseRuleSet}. */
export type RuleSet = z.infer<typeof RuleSetSchema>;

/** Where a rule set came from, for error messages. */
export interface ParseRuleSetOptions {
  /** File name reported in errors. */
  readonly file?: string;
}

/** Result of {@link safeParseRuleSet}. */
export type SafeParseRuleSetResult = { readonly success: true; readonly data: RuleSet } | { readonly success: false; readonly error: RuleSetError };

/**
 * Validates a rule set. Structure errors give code INVALID_RULE_SET; pattern syntax
 * errors give INVALID_PATTERN. Every issue carries its JSON path (`rules[3].pattern`).
 */
export function safeParseRuleSet(json: unknown, options: ParseRuleSetOptions = {}): SafeParseRuleSetResult {
  const where = options.file === undefined ? {} : { file: options.file };
  const parsed = RuleSetSchema.safeParse(json);
  if (!parsed.success) {
    const issues = toIssues(parsed.error.issues);
    return { success: false, error: new RuleSetError(`invalid rule set: ${issues.length} problem(s)`, { ...where, issues }) };
  }
  const patternIssues = checkPatterns(parsed.data);
  if (patternIssues.length > 0) {
    return {
      success: false,
      error: new RuleSetError(`invalid pattern(s) in rule set "${parsed.data.name}"`, { ...where, code: 'INVALID_PATTERN', issues: patternIssues }),
    };
  }
  validated.add(parsed.data);
  return { success: true, data: parsed.data };
}

// Rule sets this module validated (zod returns a fresh object), so compileRules need not validate them again.
const validated = new WeakSet<object>();

/** True for a rule set returned by parseRuleSet or safeParseRuleSet (so already validated). */
export function isValidatedRuleSet(set: unknown): set is RuleSet {
  return typeof set === 'object' && set !== null && validated.has(set);
}

/** Validates a rule set and returns it typed; throws RuleSetError (see {@link safeParseRuleSet}). */
export function parseRuleSet(json: unknown, options: ParseRuleSetOptions = {}): RuleSet {
  const result = safeParseRuleSet(json, options);
  if (!result.success) throw result.error;
  return result.data;
}

/** The JSON Schema (draft 2020-12) of a rule set file. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RuleSetSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

/** Syntax-checks every pattern of a rule set; one issue per bad pattern. */
function checkPatterns(set: RuleSet): Issue[] {
  const issues: Issue[] = [];
  const check = (source: string, path: (string | number)[]): void => {
    const result = safeParsePattern(source);
    if (!result.success) issues.push({ path, message: `${formatPatternError(result.error)} in "${source}"` });
  };
  set.rules.forEach((rule, i) => {
    check(rule.pattern, ['rules', i, 'pattern']);
    if (rule.also) check(rule.also.pattern, ['rules', i, 'also', 'pattern']);
    rule.unless?.forEach((u, j) => check(u, ['rules', i, 'unless', j]));
  });
  return issues;
}
