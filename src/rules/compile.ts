/**
 * Compiles validated rule sets once into an immutable CompiledRules value: every
 * pattern as a backtracking program, plus an index from anchor words to rules so a
 * sentence only meets the rules that can match it.
 */
import { RuleSetError, type Issue } from '../errors';
import { parsePattern, type PatternAst } from './pattern';
import { defaultSplitWord, splitterFromTokenizer, type WordSplitter, type WordTokenizer } from './pattern-words';
import { anchorWords, compileProgram, type Program } from './program';
import { isValidatedRuleSet, safeParseRuleSet, type Rule, type RuleSet } from './schema';
import { isPrecompiledRuleSet, precompiledFor, programFrom, readsWordsAsPrecompiled, type PrecompiledRule } from './precompiled';

/** Options of {@link compileRules}. */
export interface CompileRulesOptions {
  /**
   * The analyzer used for tagging (anything with `tokenize`). Pattern words are split
   * with its tokeniser so they split exactly like the text (`child's` -> `child` `'s`).
   * @default a built-in splitter that splits English clitics like wink does
   */
  readonly analyzer?: WordTokenizer;
}

/** A theme known to the compiled rules; `label` is the id when no rule set declares it. */
export interface CompiledTheme {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

/** One rule ready to run. */
export interface CompiledRule {
  /** Position in `CompiledRules.rules`; hits of one sentence are ordered by it on ties. */
  readonly index: number;
  readonly id: string;
  readonly theme: string;
  readonly weight: number;
  readonly note: string;
  /** Name of the rule set the rule came from. */
  readonly ruleSet: string;
  readonly negated: 'required' | 'forbidden' | undefined;
  readonly main: Program;
  readonly also: { readonly program: Program; readonly within: number | undefined } | undefined;
  readonly unless: readonly Program[];
  /** Words of which at least one occurs in every sentence the rule matches. */
  readonly anchor: readonly string[];
  /** The rule as written. */
  readonly source: Rule;
}

/** Rule sets compiled for matching. Immutable; build once with {@link compileRules}, share freely. */
export interface CompiledRules {
  /** Names of the compiled rule sets, in order. */
  readonly ruleSets: readonly string[];
  /** Themes: declared ones in rule set order, then undeclared ones in order of first use. */
  readonly themes: readonly CompiledTheme[];
  readonly rules: readonly CompiledRule[];
  /** Anchor word (lemma or lower-cased form) -> indices of the rules it anchors, ascending. */
  readonly index: ReadonlyMap<string, readonly number[]>;
}

/**
 * Validates and compiles rule sets. Throws RuleSetError: INVALID_RULE_SET for a bad
 * set or a rule id used twice across sets, INVALID_PATTERN for a pattern that does
 * not compile. Issues carry the JSON path within the offending set.
 */
export function compileRules(ruleSets: RuleSet | readonly RuleSet[], options: CompileRulesOptions = {}): CompiledRules {
  const inputs: readonly RuleSet[] = Array.isArray(ruleSets) ? ruleSets : [ruleSets as RuleSet];
  // A set parseRuleSet returned has been validated already, and so has one loaded from
  // a file identical to a precompiled one: validate only the others.
  const sets = inputs.map((input, setIndex) => {
    if (isValidatedRuleSet(input) || isPrecompiledRuleSet(input)) return input;
    const parsed = safeParseRuleSet(input);
    if (parsed.success) return parsed.data;
    const e = parsed.error;
    throw new RuleSetError(`rule set #${setIndex} ("${String((input as { name?: unknown }).name)}") is invalid`, {
      code: e.code as 'INVALID_RULE_SET' | 'INVALID_PATTERN',
      issues: e.issues,
    });
  });
  // Precompiled rules are used when the analyzer splits their words as they were split
  // then; checking that is the same one read of the words that compiling would make.
  const precompiled = options.analyzer ? precompiledFor(sets) : undefined;
  const usePrecompiled = precompiled !== undefined && readsWordsAsPrecompiled(options.analyzer!, precompiled);
  const split = options.analyzer && !usePrecompiled ? splitterFromTokenizer(options.analyzer, wordsInSplitOrder(sets)) : defaultSplitWord;
  const rules: CompiledRule[] = [];
  const owner = new Map<string, string>();
  const themes = new Map<string, CompiledTheme>();

  sets.forEach((set, setIndex) => {
    for (const t of set.themes ?? []) {
      if (!themes.has(t.id)) themes.set(t.id, { id: t.id, label: t.label, ...(t.description === undefined ? {} : { description: t.description }) });
    }
    set.rules.forEach((rule, i) => {
      const previous = owner.get(rule.id);
      if (previous !== undefined) {
        throw new RuleSetError(`rule id "${rule.id}" of rule set "${set.name}" is already used by rule set "${previous}"`, {
          issues: [{ path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}" (first in rule set "${previous}")` }],
        });
      }
      owner.set(rule.id, set.name);
      const parts = usePrecompiled ? partsFrom(rule, precompiled.sets[setIndex]!.rules[i]!) : compileParts(rule, i, set.name, split);
      rules.push(assembleRule(rule, rules.length, set.name, parts));
    });
  });
  for (const rule of rules) if (!themes.has(rule.theme)) themes.set(rule.theme, { id: rule.theme, label: rule.theme });

  return Object.freeze({
    ruleSets: Object.freeze(sets.map((s) => s.name)),
    themes: Object.freeze([...themes.values()].map((t) => Object.freeze(t))),
    rules: Object.freeze(rules),
    index: buildIndex(rules),
  });
}

/**
 * The words compiling `sets` asks the splitter for, in the order it first asks, found
 * by a dry run with the built-in splitter (the order does not depend on the splits).
 * wink-nlp remembers each new token the first time it reads it, and how it tags text
 * later can depend on that memory, so the one batched read must see the words in the
 * same order as reading them one by one would. A dry run that fails stops early; the
 * rest is then split word by word, still in order.
 */
function wordsInSplitOrder(sets: readonly RuleSet[]): string[] {
  const words: string[] = [];
  const record: WordSplitter = (word) => {
    words.push(word);
    return defaultSplitWord(word);
  };
  try {
    for (const set of sets) set.rules.forEach((rule, i) => compileParts(rule, i, set.name, record));
  } catch {
    // The real compile reports the error.
  }
  return words;
}

/** What compiling a rule produces. */
interface RuleParts {
  readonly main: Program;
  readonly also: Program | undefined;
  readonly unless: readonly Program[];
  readonly anchor: readonly string[];
}

function compileParts(rule: Rule, ruleIndex: number, ruleSet: string, split: WordSplitter): RuleParts {
  const fail = (path: (string | number)[], message: string): never => {
    const issue: Issue = { path: ['rules', ruleIndex, ...path], message };
    throw new RuleSetError(`rule "${rule.id}" of rule set "${ruleSet}": ${message}`, { code: 'INVALID_PATTERN', issues: [issue] });
  };
  const build = (source: string, path: (string | number)[]): { ast: PatternAst; program: Program } => {
    try {
      const ast = parsePattern(source);
      return { ast, program: compileProgram(source, ast.nodes, split) };
    } catch (error) {
      const message = error instanceof RuleSetError ? (error.issues[0]?.message ?? error.message) : (error as Error).message;
      return fail(path, `${message} in "${source}"`);
    }
  };
  const main = build(rule.pattern, ['pattern']);
  const anchor = anchorWords(main.ast.nodes, split);
  if (anchor === null || anchor.length === 0) return fail(['pattern'], 'the pattern has no word that must match');
  return {
    main: main.program,
    also: rule.also ? build(rule.also.pattern, ['also', 'pattern']).program : undefined,
    unless: (rule.unless ?? []).map((u, j) => build(u, ['unless', j]).program),
    anchor,
  };
}

/** The parts of a rule as precompiled (see precompiled.ts). */
function partsFrom(rule: Rule, data: PrecompiledRule): RuleParts {
  return {
    main: programFrom(rule.pattern, data.main),
    also: rule.also && data.also ? programFrom(rule.also.pattern, data.also) : undefined,
    unless: (rule.unless ?? []).map((u, j) => programFrom(u, data.unless[j]!)),
    anchor: [...data.anchor],
  };
}

function assembleRule(rule: Rule, index: number, ruleSet: string, parts: RuleParts): CompiledRule {
  return Object.freeze({
    index,
    id: rule.id,
    theme: rule.theme,
    weight: rule.weight,
    note: rule.note,
    ruleSet,
    negated: rule.negated,
    main: parts.main,
    also: rule.also ? Object.freeze({ program: parts.also!, within: rule.also.within }) : undefined,
    unless: Object.freeze(parts.unless),
    anchor: Object.freeze(parts.anchor),
    source: rule,
  });
}

/** Anchor word -> rule indices. Curly-apostrophe twins are indexed too ("’s"). */
function buildIndex(rules: readonly CompiledRule[]): ReadonlyMap<string, readonly number[]> {
  const index = new Map<string, number[]>();
  const add = (word: string, rule: number): void => {
    const list = index.get(word);
    if (list === undefined) index.set(word, [rule]);
    else if (list[list.length - 1] !== rule) list.push(rule);
  };
  for (const rule of rules) {
    for (const word of rule.anchor) {
      add(word, rule.index);
      if (word.includes("'")) add(word.replace(/'/g, '’'), rule.index);
    }
  }
  return index;
}
