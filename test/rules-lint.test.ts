import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createBaseFormCheck } from '../src/io/base-form-check';
import { compileRules } from '../src/rules/compile';
import { checkRuleExamples } from '../src/rules/examples';
import { findNonBaseForms, lintRules, type LintUnit } from '../src/rules/lint';
import type { RuleSet } from '../src/rules/schema';
import { createTextAnalyzer } from '../src/text/analyzer';

const analyzer = createTextAnalyzer(model);

const set: RuleSet = {
  format: 'practice-themes-rules',
  version: 1,
  name: 'lint-fixture',
  rules: [
    {
      id: 'fx.alone',
      theme: 'seen',
      pattern: 'see ~3 child ~2 alone',
      weight: 0.8,
      note: 'fixture',
      examples: { match: ['They saw the child alone.'], noMatch: ['They saw the dog alone.'] },
    },
    {
      id: 'fx.broken',
      theme: 'seen',
      pattern: 'visited ~2 (home|house)',
      unless: ['holiday homes'],
      weight: 0.5,
      note: 'fixture with failing examples and a non-base form',
      examples: { match: ['The nurse went to the home.'], noMatch: ['The nurse visited the home.'] },
    },
    {
      id: 'fx.never',
      theme: 'other',
      pattern: 'unicorn',
      weight: 0.5,
      note: 'fixture that never fires',
      examples: { match: ['A unicorn.'], noMatch: ['A horse.'] },
    },
  ],
};
const compiled = compileRules([set], { analyzer });

const units: LintUnit[] = [
  { id: 'u1', text: 'The worker saw the child alone.', themes: ['seen'] },
  { id: 'u2', text: 'Nobody saw the child alone. The child saw the girl alone.', themes: [] },
  { id: 'u3', text: 'The nurse visited the home twice.', themes: ['other', 'seen'] },
  { id: 'u4', text: 'Nothing relevant here.', themes: ['seen'] },
];

describe('lintRules', () => {
  const report = lintRules(compiled, analyzer, units, { isBaseForm: (w) => !w.endsWith('ed') });

  it('counts units fired, true positives and precision per rule', () => {
    expect(report.units).toBe(4);
    expect(report.rules.map((r) => [r.ruleId, r.fires, r.truePositives, r.precision])).toEqual([
      ['fx.alone', 2, 1, 0.5],
      ['fx.broken', 1, 1, 1],
      ['fx.never', 0, 0, null],
    ]);
    expect(report.rules[0]).toMatchObject({ firedIn: ['u1', 'u2'], falsePositiveIn: ['u2'] });
  });

  it('lists rules that never fire', () => {
    expect(report.neverFire).toEqual(['fx.never']);
  });

  it('lists examples that do not behave as declared', () => {
    expect(report.failingExamples).toEqual([
      { ruleId: 'fx.broken', kind: 'match', index: 0, example: 'The nurse went to the home.' },
      { ruleId: 'fx.broken', kind: 'noMatch', index: 0, example: 'The nurse visited the home.' },
    ]);
    expect(checkRuleExamples(compiled, analyzer)).toEqual(report.failingExamples);
  });

  it('lists pattern words the injected check rejects, with where they are', () => {
    expect(report.nonBaseForms).toEqual([{ ruleId: 'fx.broken', word: 'visited', path: 'pattern' }]);
    expect(findNonBaseForms(compiled, (w) => w !== 'homes')).toEqual([{ ruleId: 'fx.broken', word: 'homes', path: 'unless[0]' }]);
  });

  it('skips the base-form check when no checker is given', () => {
    expect(lintRules(compiled, analyzer, [], {}).nonBaseForms).toEqual([]);
  });
});

describe('createBaseFormCheck (compromise)', () => {
  const isBaseForm = createBaseFormCheck();
  it.each([
    ['ask', true],
    ['child', true],
    ['meeting', true],
    ['supervision', true],
    ['asked', false],
    ['seen', false],
    ['children', false],
    ['wishes', false],
  ])('%s -> %s', (word, expected) => {
    expect(isBaseForm(word)).toBe(expected);
  });
});
