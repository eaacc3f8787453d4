import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleSetError, formatPath } from '../src/errors';
import { parseRuleSet, ruleSetJsonSchema, safeParseRuleSet, type RuleSet } from '../src/rules/schema';

/** A small valid rule set; tests derive bad variants from it. */
function goodSet(): RuleSet {
  return {
    format: 'practice-themes-rules',
    version: 1,
    name: 'fixture',
    themes: [{ id: 'alpha-theme', label: 'Alpha' }],
    rules: [
      {
        id: 'alpha.one',
        theme: 'alpha-theme',
        pattern: '(see|speak) ~2 child',
        weight: 0.8,
        note: 'fixture rule',
        examples: { match: ['They saw the child.'], noMatch: ['They saw the dog.'] },
      },
      {
        id: 'alpha.two',
        theme: 'alpha-theme',
        pattern: 'voice of the child',
        also: { pattern: 'hear', within: 5 },
        unless: ['mother'],
        negated: 'forbidden',
        weight: 1,
        note: 'fixture rule',
        examples: { match: ['a'], noMatch: ['b'] },
      },
    ],
  };
}

function mutate(change: (set: Record<string, any>) => void): unknown {
  const set = structuredClone(goodSet()) as Record<string, any>;
  change(set);
  return set;
}

function failure(json: unknown): RuleSetError {
  const result = safeParseRuleSet(json, { file: 'fixture.json' });
  if (result.success) throw new Error('expected the rule set to be rejected');
  return result.error;
}

describe('parseRuleSet', () => {
  it('accepts a valid rule set and returns it typed', () => {
    const set = parseRuleSet(goodSet());
    expect(set.rules.map((r) => r.id)).toEqual(['alpha.one', 'alpha.two']);
    expect(safeParseRuleSet(goodSet())).toMatchObject({ success: true });
  });

  it('accepts a set without a themes list, whatever themes its rules use', () => {
    expect(() => parseRuleSet(mutate((s) => delete s.themes))).not.toThrow();
  });

  it.each([
    ['wrong format', (s: any) => (s.format = 'other'), 'format'],
    ['wrong version', (s: any) => (s.version = 2), 'version'],
    ['empty name', (s: any) => (s.name = ''), 'name'],
    ['no rules', (s: any) => (s.rules = []), 'rules'],
    ['unknown top-level key', (s: any) => (s.extra = true), ''],
    ['rule id with capitals', (s: any) => (s.rules[1].id = 'Alpha.Two'), 'rules[1].id'],
    ['rule id with spaces', (s: any) => (s.rules[0].id = 'alpha one'), 'rules[0].id'],
    ['theme id not kebab-case', (s: any) => (s.rules[0].theme = 'Alpha_Theme'), 'rules[0].theme'],
    ['weight of zero', (s: any) => (s.rules[0].weight = 0), 'rules[0].weight'],
    ['weight above one', (s: any) => (s.rules[1].weight = 1.5), 'rules[1].weight'],
    ['missing note', (s: any) => delete s.rules[0].note, 'rules[0].note'],
    ['no match examples', (s: any) => (s.rules[0].examples.match = []), 'rules[0].examples.match'],
    ['no noMatch examples', (s: any) => (s.rules[1].examples.noMatch = []), 'rules[1].examples.noMatch'],
    ['within out of range', (s: any) => (s.rules[1].also.within = 21), 'rules[1].also.within'],
    ['within not an integer', (s: any) => (s.rules[1].also.within = 2.5), 'rules[1].also.within'],
    ['unknown negated value', (s: any) => (s.rules[1].negated = 'maybe'), 'rules[1].negated'],
    ['empty unless list', (s: any) => (s.rules[1].unless = []), 'rules[1].unless'],
    ['misspelt rule key', (s: any) => (s.rules[0].negate = 'required'), 'rules[0]'],
    ['duplicate rule id', (s: any) => (s.rules[1].id = 'alpha.one'), 'rules[1].id'],
    ['undeclared theme', (s: any) => (s.rules[1].theme = 'beta-theme'), 'rules[1].theme'],
    ['theme declared twice', (s: any) => s.themes.push({ id: 'alpha-theme', label: 'Again' }), 'themes[1].id'],
  ])('rejects %s with INVALID_RULE_SET at its JSON path', (_name, change, path) => {
    const error = failure(mutate(change));
    expect(error).toBeInstanceOf(RuleSetError);
    expect(error.code).toBe('INVALID_RULE_SET');
    expect(error.file).toBe('fixture.json');
    expect(error.issues.map((i) => formatPath(i.path))).toContain(path);
  });

  it.each([
    ['main pattern', (s: any) => (s.rules[0].pattern = '(see|speak ~2 child'), 'rules[0].pattern', 'column 1'],
    ['also pattern', (s: any) => (s.rules[1].also.pattern = 'hear ~11 child'), 'rules[1].also.pattern', 'column 6'],
    ['unless pattern', (s: any) => (s.rules[1].unless = ['ok', 'mother )']), 'rules[1].unless[1]', 'column 8'],
  ])('rejects a bad %s with INVALID_PATTERN, its path and column', (_name, change, path, column) => {
    const error = failure(mutate(change));
    expect(error.code).toBe('INVALID_PATTERN');
    const issue = error.issues.find((i) => formatPath(i.path) === path);
    expect(issue?.message).toContain(column);
  });

  it('throws the same error parseRuleSet would report', () => {
    expect(() => parseRuleSet(mutate((s) => (s.version = 3)), { file: 'x.json' })).toThrowError(/x\.json.*invalid rule set/s);
  });

  it('rejects input that is not an object', () => {
    expect(failure('not a rule set').code).toBe('INVALID_RULE_SET');
    expect(failure(null).code).toBe('INVALID_RULE_SET');
  });
});

describe('ruleSetJsonSchema', () => {
  it('describes the rule set shape', () => {
    const schema = ruleSetJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['format', 'version', 'name', 'themes', 'rules']));
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'name', 'rules']));
  });

  it('matches the shipped schemas/rule-set.schema.json', () => {
    const shipped = JSON.parse(readFileSync(new URL('../schemas/rule-set.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(ruleSetJsonSchema());
  });
});
