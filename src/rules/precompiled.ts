/**
 * Rule sets compiled ahead of time (the build writes dist/compiled-rules.json for the
 * shipped sets, scripts/compile-default-rules.mjs): every rule's programs and anchor,
 * and the one tokeniser call compiling made to split the pattern words. compileRules
 * uses them instead of compiling when it is given exactly these rule sets and its
 * analyzer splits the words as they were split then. It still has the analyzer read
 * the words, in that same one call: wink remembers new tokens and that memory changes
 * later tagging (see compile.ts), so the read cannot be skipped, only the compiling.
 */
import type { Program } from './program';
import type { RuleSet } from './schema';
import type { WordTokenizer } from './pattern-words';

/** The format name of a precompiled rules file. */
export const PRECOMPILED_RULES_FORMAT = 'practice-themes-compiled-rules';

/** A program as JSON: each instruction as `[op, a, x, y, set]`, `first` as a list (both in set order). */
export interface ProgramData {
  readonly code: readonly (readonly [op: number, a: string, x: number, y: number, set: readonly string[] | null])[];
  readonly first: readonly string[] | null;
}

/** One compiled rule as JSON (its sources are the rule's own patterns). */
export interface PrecompiledRule {
  readonly main: ProgramData;
  readonly also: ProgramData | null;
  readonly unless: readonly ProgramData[];
  readonly anchor: readonly string[];
}

/** A precompiled rules file. */
export interface PrecompiledRules {
  readonly format: typeof PRECOMPILED_RULES_FORMAT;
  readonly version: 1;
  /** The text of the tokeniser call compiling made: the pattern words, space-separated, in the order compiling asked for them. */
  readonly words: string;
  /** Its tokens as `[norm, start, end]`: the splits every program was compiled with. */
  readonly tokens: readonly (readonly [norm: string, start: number, end: number])[];
  readonly sets: readonly {
    /** SHA-256 (hex) of the rule set file's text, so a loader can tell the file is the one compiled. */
    readonly sha256: string;
    readonly file: string;
    /** The set as parseRuleSet returned it. */
    readonly ruleSet: RuleSet;
    /** Aligned with `ruleSet.rules`. */
    readonly rules: readonly PrecompiledRule[];
  }[];
}

/** Precompiled rules attached to the rule set objects they were made from. */
interface Attached {
  readonly sets: readonly RuleSet[];
  readonly data: PrecompiledRules;
}

const attached = new WeakMap<RuleSet, Attached>();

/**
 * Marks `sets` (the rule set objects, in the order of `data.sets`) as compiled by
 * `data`. Call it only for sets known to be `data`'s own (a loader compares file hashes).
 */
export function attachPrecompiled(sets: readonly RuleSet[], data: PrecompiledRules): void {
  const entry = { sets: [...sets], data };
  for (const set of sets) attached.set(set, entry);
}

/** True for a rule set object precompiled rules were attached to (so it is known valid). */
export function isPrecompiledRuleSet(set: unknown): boolean {
  return typeof set === 'object' && set !== null && attached.has(set as RuleSet);
}

/** The rules' compiled parts, when `sets` are exactly the sets of attached precompiled rules. */
export function precompiledFor(sets: readonly RuleSet[]): PrecompiledRules | undefined {
  const entry = sets[0] === undefined ? undefined : attached.get(sets[0]);
  if (entry === undefined || entry.sets.length !== sets.length || entry.sets.some((s, i) => s !== sets[i])) return undefined;
  return entry.data;
}

/**
 * Has `tokenizer` read the pattern words (the one read compiling would make) and tells
 * whether it split them exactly as when the rules were precompiled.
 */
export function readsWordsAsPrecompiled(tokenizer: WordTokenizer, data: PrecompiledRules): boolean {
  const tokens = tokenizer.tokenize(data.words);
  if (tokens.length !== data.tokens.length) return false;
  for (let i = 0; i < tokens.length; i++) {
    const [norm, start, end] = data.tokens[i]!;
    const token = tokens[i]!;
    if (token.norm !== norm || token.start !== start || token.end !== end) return false;
  }
  return true;
}

/** The program `data` describes, as compileProgram builds it. */
export function programFrom(source: string, data: ProgramData): Program {
  return {
    source,
    code: data.code.map(([op, a, x, y, set]) =>
      Object.freeze({ op: op as Program['code'][number]['op'], a, b: a.includes("'") ? a.replace(/'/g, '’') : a, x, y, set: set === null ? null : new Set(set) }),
    ),
    first: data.first === null ? null : new Set(data.first),
  };
}
