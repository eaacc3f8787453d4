/**
 * Hostile rule sets (issue 11, items 2 and 3): patterns that would backtrack
 * exponentially are refused with a typed error, the matcher stays polynomial even
 * on a program that bypasses validation, and deep nesting is a syntax error, not a
 * stack overflow. Time bounds here are generous hang guards, not benchmarks.
 */
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { isRuleSetError } from '../../src/errors';
import { defaultSplitWord } from '../../src/rules/pattern-words';
import { safeParsePattern, type PatternNode } from '../../src/rules/pattern';
import { compileProgram } from '../../src/rules/program';
import { searchSentence } from '../../src/rules/run-program';
import { safeParseRuleSet, type RuleSet } from '../../src/rules/schema';
import { createTextAnalyzer } from '../../src/text/analyzer';

const analyzer = createTextAnalyzer(model);

function oneRuleSet(pattern: string): RuleSet {
  return {
    format: 'practice-themes-rules',
    version: 1,
    name: 'hostile',
    rules: [{ id: 'h.r1', theme: 'some-theme', pattern, weight: 0.5, note: 'hostile', examples: { match: ['x'], noMatch: ['y'] } }],
  };
}

const word = (text: string, optional = false): PatternNode => ({ kind: 'word', text, optional, column: 1 });
const gap = (max: number): PatternNode => ({ kind: 'gap', max, column: 1 });

/** Runs a hand-built program (no validation) over a text's first sentence; returns [matched, ms]. */
function runUnchecked(nodes: PatternNode[], text: string): [boolean, number] {
  const program = compileProgram('hand-built', nodes, defaultSplitWord);
  const tokens = analyzer.analyze(text).sentences[0]?.tokens ?? [];
  const t0 = performance.now();
  const matched = searchSentence(program, tokens, () => true);
  return [matched, performance.now() - t0];
}

describe('item 2: exponential backtracking', () => {
  const optionalThe = `${'the? '.repeat(30)}${'the '.repeat(30)}zzz`;
  const sevenGaps = 'a ~10 a ~10 a ~10 a ~10 a ~10 a ~10 a ~10 zzz';

  it.each([
    ['30 optional words before 30 words', optionalThe],
    ['seven gaps of ~10', sevenGaps],
  ])('a rule set with %s is refused with INVALID_PATTERN and its path', (_, pattern) => {
    const result = safeParseRuleSet(oneRuleSet(pattern));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(isRuleSetError(result.error)).toBe(true);
    expect(result.error.code).toBe('INVALID_PATTERN');
    expect(result.error.issues[0]?.path).toEqual(['rules', 0, 'pattern']);
    expect(result.error.issues[0]?.message).toMatch(/ways/);
  });

  it('the shipped kind of pattern is still accepted', () => {
    expect(safeParseRuleSet(oneRuleSet('accept ~5 without ~3 (question|check) (the|a)? (child|baby)')).success).toBe(true);
  });

  it('the matcher is polynomial on optional words that cannot complete (hang guard)', () => {
    const nodes = [...Array.from({ length: 22 }, () => word('the', true)), ...Array.from({ length: 22 }, () => word('the')), word('zzz')];
    const [matched, ms] = runUnchecked(nodes, `${'the '.repeat(40)}end.`);
    expect(matched).toBe(false);
    expect(ms).toBeLessThan(2_000);
  });

  it('the matcher is polynomial on many gaps that cannot complete (hang guard)', () => {
    const nodes: PatternNode[] = [word('a')];
    for (let i = 0; i < 6; i++) nodes.push(gap(10), word('a'));
    nodes.push(word('zzz'));
    const [matched, ms] = runUnchecked(nodes, `${'a '.repeat(100)}end.`);
    expect(matched).toBe(false);
    expect(ms).toBeLessThan(2_000);
  });

  it('a search that memoises failed states still finds the leftmost accepted match', () => {
    // Starts 0..4 are rejected by the acceptor after exploring every alignment, which
    // takes the search past the point where it starts memoising.
    const nodes = [...Array.from({ length: 12 }, () => word('the', true)), ...Array.from({ length: 12 }, () => word('the')), word('sat')];
    const program = compileProgram('hand-built', nodes, defaultSplitWord);
    const tokens = analyzer.analyze(`${'the '.repeat(20)}sat down.`).sentences[0]?.tokens ?? [];
    let span: [number, number] | null = null;
    const found = searchSentence(program, tokens, (f, l) => (f < 5 ? false : ((span = [f, l]), true)));
    expect(found).toBe(true);
    expect(span).toEqual([5, 20]);
  });
});

describe('item 3: nesting', () => {
  it('a pattern nested 2,000 deep is a syntax error, not a stack overflow; 20 deep is refused in a rule set', () => {
    const deep = `${'('.repeat(2000)}child${')'.repeat(2000)}`;
    const result = safeParsePattern(deep);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).toMatch(/nest/);
    const set = safeParseRuleSet(oneRuleSet(`${'('.repeat(20)}child${')'.repeat(20)}`));
    expect(set.success).toBe(false);
    if (!set.success) expect(set.error.code).toBe('INVALID_PATTERN');
  });

  it('an over-long pattern is refused by the schema', () => {
    const long = Array.from({ length: 800 }, (_, i) => `w${i}`).join('|');
    const set = safeParseRuleSet(oneRuleSet(`(${long})`));
    expect(set.success).toBe(false);
    if (!set.success) expect(set.error.issues[0]?.path).toEqual(['rules', 0, 'pattern']);
  });

  it('nesting within the limit still parses', () => {
    expect(safeParsePattern('((((child))))').success).toBe(true);
  });
});
