/**
 * Checks rules against their own examples: every `match` example must make the
 * rule fire, no `noMatch` example may. Used by the linter and the test suite.
 */
import type { TextAnalyzer } from '../text/types';
import type { CompiledRules } from './compile';
import { matchText } from './match';

/** A rule example that does not behave as the rule says. */
export interface ExampleFailure {
  readonly ruleId: string;
  /** `match`: the rule should fire and does not; `noMatch`: it fires and should not. */
  readonly kind: 'match' | 'noMatch';
  /** Index of the example in `examples.match` / `examples.noMatch`. */
  readonly index: number;
  readonly example: string;
}

/** True when the rule fires on any sentence of the text (through the index, as when tagging). */
export function ruleFiresOn(compiled: CompiledRules, ruleId: string, analyzer: Pick<TextAnalyzer, 'analyze'>, text: string): boolean {
  return matchText(compiled, analyzer.analyze(text)).some((hit) => hit.ruleId === ruleId);
}

/** Every example of every rule that fails, in rule order (empty when all pass). */
export function checkRuleExamples(compiled: CompiledRules, analyzer: Pick<TextAnalyzer, 'analyze'>): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const rule of compiled.rules) {
    rule.source.examples.match.forEach((example, index) => {
      if (!ruleFiresOn(compiled, rule.id, analyzer, example)) failures.push({ ruleId: rule.id, kind: 'match', index, example });
    });
    rule.source.examples.noMatch.forEach((example, index) => {
      if (ruleFiresOn(compiled, rule.id, analyzer, example)) failures.push({ ruleId: rule.id, kind: 'noMatch', index, example });
    });
  }
  return failures;
}
