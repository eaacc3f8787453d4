import { readFileSync, readdirSync } from 'node:fs';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../src/rules/compile';
import { matchText } from '../src/rules/match';
import { parseRuleSet, type RuleSet } from '../src/rules/schema';
import { createTextAnalyzer } from '../src/text/analyzer';

// Every example of every rule in the shipped rule sets, run through the real analyzer
// and matcher exactly as tagging runs them (analyze -> index -> match).
const dir = new URL('../models/rules/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const sets: RuleSet[] = files.map((f) => parseRuleSet(JSON.parse(readFileSync(new URL(f, dir), 'utf8')), { file: f }));
const analyzer = createTextAnalyzer(model);
const compiled = compileRules(sets, { analyzer });

const cases = sets.flatMap((set) =>
  set.rules.flatMap((rule) => [
    ...rule.examples.match.map((text) => ({ id: rule.id, kind: 'match' as const, text })),
    ...rule.examples.noMatch.map((text) => ({ id: rule.id, kind: 'noMatch' as const, text })),
  ]),
);

function fires(ruleId: string, text: string): boolean {
  return matchText(compiled, analyzer.analyze(text)).some((hit) => hit.ruleId === ruleId);
}

describe('default rule sets', () => {
  it('has one set per theme, each declaring its theme, with 25-55 rules', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const [i, set] of sets.entries()) {
      expect(set.themes?.map((t) => t.id)).toEqual([set.name]);
      expect(files[i]).toBe(`${set.name}.json`);
      expect(set.rules.length).toBeGreaterThanOrEqual(25);
      expect(set.rules.length).toBeLessThanOrEqual(55);
      for (const rule of set.rules) expect(rule.theme).toBe(set.name);
    }
  });

  it('gives every rule at least two examples of each kind', () => {
    const thin = sets.flatMap((s) => s.rules).filter((r) => r.examples.match.length < 2 || r.examples.noMatch.length < 2);
    expect(thin.map((r) => r.id)).toEqual([]);
  });

  it.each(cases)('$id: $kind $text', ({ id, kind, text }) => {
    expect(fires(id, text)).toBe(kind === 'match');
  });
});
