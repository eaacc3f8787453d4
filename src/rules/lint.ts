/**
 * The rule linter: how often each rule fires on a labelled corpus and how often it
 * is right, which rules never fire, which fail their own examples, and which
 * pattern words are not base forms. Pure: the base-form check is injected (the
 * compromise-backed one lives in src/io/base-form-check.ts).
 */
import type { TextAnalyzer } from '../text/types';
import type { CompiledRules } from './compile';
import { checkRuleExamples, type ExampleFailure } from './examples';
import { matchText } from './match';
import { parsePattern, patternWords } from './pattern';

/** A labelled unit of text (a corpus line). */
export interface LintUnit {
  readonly id: string;
  readonly text: string;
  /** Gold theme ids. */
  readonly themes: readonly string[];
}

/** How one rule did on the units. */
export interface RuleLintStats {
  readonly ruleId: string;
  readonly theme: string;
  /** Units where the rule fired. */
  readonly fires: number;
  /** Fired units whose gold themes include the rule's theme. */
  readonly truePositives: number;
  /** truePositives / fires; null when the rule never fired. */
  readonly precision: number | null;
  /** Ids of the units where it fired, in input order. */
  readonly firedIn: readonly string[];
  /** Ids of the fired units whose gold themes lack the rule's theme. */
  readonly falsePositiveIn: readonly string[];
}

/** A pattern word that is not a base form (it only matches that exact form or lemma). */
export interface NonBaseFormWord {
  readonly ruleId: string;
  readonly word: string;
  /** Where in the rule: `pattern`, `also.pattern`, `unless[0]`. */
  readonly path: string;
}

/** Everything the linter found. */
export interface LintReport {
  /** Number of units read. */
  readonly units: number;
  /** One entry per rule, in rule order. */
  readonly rules: readonly RuleLintStats[];
  /** Ids of rules that fired on no unit. */
  readonly neverFire: readonly string[];
  /** Rule examples that do not behave as declared. */
  readonly failingExamples: readonly ExampleFailure[];
  /** Pattern words the base-form check rejects (empty without a check). */
  readonly nonBaseForms: readonly NonBaseFormWord[];
}

/** Options of {@link lintRules}. */
export interface LintOptions {
  /** True when a word is a base form ("ask", not "asked"). Without it, words are not checked. */
  readonly isBaseForm?: (word: string) => boolean;
}

/** Lints compiled rules against labelled units with the analyzer used for tagging. */
export function lintRules(
  compiled: CompiledRules,
  analyzer: Pick<TextAnalyzer, 'analyze'>,
  units: Iterable<LintUnit>,
  options: LintOptions = {},
): LintReport {
  const fired = compiled.rules.map(() => [] as string[]);
  const wrong = compiled.rules.map(() => [] as string[]);
  const position = new Map(compiled.rules.map((r) => [r.id, r.index]));
  let count = 0;
  for (const unit of units) {
    count++;
    const ruleIds = new Set(matchText(compiled, analyzer.analyze(unit.text)).map((h) => h.ruleId));
    for (const id of ruleIds) {
      const i = position.get(id) as number;
      fired[i]?.push(unit.id);
      if (!unit.themes.includes(compiled.rules[i]?.theme ?? '')) wrong[i]?.push(unit.id);
    }
  }
  const rules = compiled.rules.map((rule, i): RuleLintStats => {
    const firedIn = fired[i] ?? [];
    const falsePositiveIn = wrong[i] ?? [];
    const truePositives = firedIn.length - falsePositiveIn.length;
    return {
      ruleId: rule.id,
      theme: rule.theme,
      fires: firedIn.length,
      truePositives,
      precision: firedIn.length === 0 ? null : truePositives / firedIn.length,
      firedIn,
      falsePositiveIn,
    };
  });
  return {
    units: count,
    rules,
    neverFire: rules.filter((r) => r.fires === 0).map((r) => r.ruleId),
    failingExamples: checkRuleExamples(compiled, analyzer),
    nonBaseForms: options.isBaseForm ? findNonBaseForms(compiled, options.isBaseForm) : [],
  };
}

/** Alphabetic pattern words (hyphenated words by part) that the check rejects, once per rule and path. */
export function findNonBaseForms(compiled: CompiledRules, isBaseForm: (word: string) => boolean): NonBaseFormWord[] {
  const out: NonBaseFormWord[] = [];
  for (const rule of compiled.rules) {
    const sources: [string, string][] = [['pattern', rule.source.pattern]];
    if (rule.source.also) sources.push(['also.pattern', rule.source.also.pattern]);
    rule.source.unless?.forEach((u, j) => sources.push([`unless[${j}]`, u]));
    for (const [path, source] of sources) {
      const seen = new Set<string>();
      for (const node of patternWords(parsePattern(source).nodes)) {
        for (const word of node.text.split('-')) {
          if (!/^[a-z]+$/.test(word) || seen.has(word)) continue;
          seen.add(word);
          if (!isBaseForm(word)) out.push({ ruleId: rule.id, word, path });
        }
      }
    }
  }
  return out;
}
