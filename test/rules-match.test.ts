import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { RuleSetError, formatPath } from '../src/errors';
import { compileRules, type CompiledRules } from '../src/rules/compile';
import { candidateRules, matchSentence, matchText, type MatchStats } from '../src/rules/match';
import type { Rule, RuleSet } from '../src/rules/schema';
import { createTextAnalyzer } from '../src/text/analyzer';

const analyzer = createTextAnalyzer(model);

type RuleSpec = Partial<Rule> & { pattern: string };

function ruleSet(specs: readonly RuleSpec[], name = 'fixture'): RuleSet {
  return {
    format: 'practice-themes-rules',
    version: 1,
    name,
    rules: specs.map((spec, i) => ({
      id: `${name}.r${i}`,
      theme: 'test-theme',
      weight: 0.5,
      note: 'fixture',
      examples: { match: ['x'], noMatch: ['y'] },
      ...spec,
    })),
  };
}

function compile(specs: readonly RuleSpec[]): CompiledRules {
  return compileRules([ruleSet(specs)], { analyzer });
}

/** Matched texts of a single-rule set on a text (one entry per hit). */
function matches(spec: RuleSpec, text: string): string[] {
  return matchText(compile([spec]), analyzer.analyze(text)).map((h) => text.slice(h.start, h.end));
}

describe('matcher: pattern x sentence', () => {
  it.each([
    // lemma or lower-cased form
    ['ask ~3 child', 'Nobody asked the children.', 'asked the children'],
    ['ask', 'She was asking again.', 'asking'],
    ['children', 'The children slept.', 'children'],
    ['voice of the child', 'The Voice of the Child was absent.', 'Voice of the Child'],
    // apostrophes split like the text, straight or curly
    ["child's voice", "The child's voice was absent.", "child's voice"],
    ["child's voice", 'The child’s voice was absent.', 'child’s voice'],
    // hyphenated words match joined, hyphenated or spaced text
    ['step-down', 'The case was stepped down to early help.', 'stepped down'],
    ['step-down', 'The step-down was agreed.', 'step-down'],
    ['multi-agency', 'A multi-agency meeting was held.', 'multi-agency'],
    ['multi-agency', 'A multi agency meeting was held.', 'multi agency'],
    // gaps: 0..N words, lazily; never across clause punctuation; other punctuation is free
    ['see ~2 child', 'They saw the young child.', 'saw the young child'],
    ['see ~2 child', 'They saw the child.', 'saw the child'],
    ['see ~2 child', 'They saw child.', 'saw child'],
    ['see ~2 child', 'They saw the very young child.', null],
    ['see ~3 child', 'They saw her; the child cried.', null],
    ['see ~3 child', 'They saw her, and the child cried.', null],
    ['see ~1 child', 'They saw (the) child.', 'saw (the) child'],
    // *: exactly one word
    ['see * child', 'They saw the child.', 'saw the child'],
    ['see * child', 'They saw child.', null],
    ['see * child', 'They saw the young child.', null],
    // optional elements are greedy, alternatives may be sequences
    ['very? concerned', 'Staff were very concerned.', 'very concerned'],
    ['very? concerned', 'Staff were concerned.', 'concerned'],
    ['(young person|child) alone', 'The young person alone knew.', 'young person alone'],
    ['(quite|very (very)?) worried', 'She was very very worried.', 'very very worried'],
    ['seen alone|not brought', 'The baby was not brought.', 'not brought'],
    // leftmost, then tightest
    ['see ~4 child', 'They saw the child and the child saw them.', 'saw the child'],
    ['voice', 'An unrelated sentence.', null],
  ])('%j on %j -> %j', (pattern, text, expected) => {
    expect(matches({ pattern }, text)).toEqual(expected === null ? [] : [expected]);
  });

  it('reports offsets into the original input and the sentence index', () => {
    const text = 'First sentence here.\n\n  The worker  saw the   child alone.';
    const [hit] = matchText(compile([{ pattern: 'see ~2 child' }]), analyzer.analyze(text));
    expect(hit).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe('saw the   child');
    expect(hit!.sentence).toBe(1);
    expect(hit).toMatchObject({ ruleId: 'fixture.r0', theme: 'test-theme', weight: 0.5 });
  });

  it('fires a rule at most once per sentence, once in each sentence', () => {
    const text = 'The child and the child. Another child.';
    const hits = matchText(compile([{ pattern: 'child' }]), analyzer.analyze(text));
    expect(hits.map((h) => [h.sentence, text.slice(h.start, h.end), h.start])).toEqual([
      [0, 'child', 4],
      [1, 'child', 33],
    ]);
  });
});

describe('matcher: negation, also, unless', () => {
  it.each([
    ['required', 'The worker did not see the child.', true],
    ['required', 'Nobody asked the children about it.', true],
    ['required', 'The worker saw the child.', false],
    ['forbidden', 'The worker saw the child.', true],
    ['forbidden', 'The worker did not see the child.', false],
  ] as const)('negated %s on %j -> %s', (negated, text, fires) => {
    const hits = matches({ pattern: '(see|ask) ~2 child', negated }, text);
    expect(hits.length > 0).toBe(fires);
  });

  it('with negated: required, looks past an un-negated match for a negated one', () => {
    const later = 'She saw the child at school and did not see the child at home.';
    const hits = matchText(compile([{ pattern: 'see the child', negated: 'required' }]), analyzer.analyze(later));
    expect(hits.map((h) => later.slice(h.start, h.end))).toEqual(['see the child']);
    expect(hits[0]!.start).toBe(later.lastIndexOf('see the child'));
  });

  it.each([
    [undefined, 'The child was left alone all day.', true],
    [undefined, 'Alone at last, the child slept.', true],
    [undefined, 'The child played outside.', false],
    [2, 'The child was left alone all day.', true],
    [1, 'The child was left alone all day.', false],
    [1, 'Alone, the child slept.', true],
  ] as const)('also "alone" within %s on %j -> %s', (within, text, fires) => {
    const also = within === undefined ? { pattern: 'alone' } : { pattern: 'alone', within };
    expect(matches({ pattern: 'child', also }, text).length > 0).toBe(fires);
  });

  it('reports the span of the main pattern only, not of the also pattern', () => {
    expect(matches({ pattern: 'child', also: { pattern: 'alone' } }, 'The child was left alone.')).toEqual(['child']);
  });

  it.each([
    ['Staff training was late.', true],
    ['Toilet training was late.', false],
    ['Staff training was fine but toilet training was late.', false],
  ])('unless "toilet training" on %j -> %s', (text, fires) => {
    expect(matches({ pattern: 'training', unless: ['toilet training', 'potty'] }, text).length > 0).toBe(fires);
  });

  it('applies unless per sentence', () => {
    const text = 'Staff training was poor. Toilet training was late.';
    const hits = matchText(compile([{ pattern: 'training', unless: ['toilet training'] }]), analyzer.analyze(text));
    expect(hits.map((h) => h.sentence)).toEqual([0]);
  });
});

describe('rule index', () => {
  const compiled = compile([{ pattern: 'voice of the child' }, { pattern: '(see|speak) ~2 child' }, { pattern: '(disguised compliance|token cooperation)' }]);
  const sentence = (text: string) => analyzer.analyze(text).sentences[0]!;

  it('anchors each rule on its most selective required element', () => {
    expect(compiled.rules.map((r) => [...r.anchor])).toEqual([['voice'], ['child'], ['compliance', 'cooperation']]);
  });

  it.each([
    ['The dog barked at the gate.', []],
    ['The children were seen.', ['fixture.r1']],
    ["The child's voice was heard.", ['fixture.r0', 'fixture.r1']],
    ['There was token cooperation.', ['fixture.r2']],
  ])('candidates for %j are %j', (text, ids) => {
    expect(candidateRules(compiled, sentence(text)).map((r) => r.id)).toEqual(ids);
  });

  it('never evaluates a rule whose anchor word is absent', () => {
    const stats: MatchStats = { sentences: 0, evaluated: 0, hits: 0 };
    matchSentence(compiled, sentence('The dog barked at the gate.'), { stats });
    expect(stats).toEqual({ sentences: 1, evaluated: 0, hits: 0 });
    matchSentence(compiled, sentence('They saw the children.'), { stats });
    expect(stats).toEqual({ sentences: 2, evaluated: 1, hits: 1 });
  });

  it('gives the same hits through the index as a rule evaluated on every sentence', () => {
    const text = 'They saw the child. The voice of the child was absent. Nothing here.';
    const hits = matchText(compiled, analyzer.analyze(text));
    expect(hits.map((h) => [h.ruleId, h.sentence])).toEqual([
      ['fixture.r1', 0],
      ['fixture.r0', 1],
    ]);
    expect(matchText(compiled, analyzer.analyze(text))).toEqual(hits);
  });
});

describe('compileRules', () => {
  it('collects themes: declared labels first, then undeclared ids', () => {
    const declared: RuleSet = { ...ruleSet([{ pattern: 'a' }], 'one'), themes: [{ id: 'test-theme', label: 'Test theme' }] };
    const undeclared = ruleSet([{ pattern: 'b', theme: 'other-theme' }], 'two');
    const compiled = compileRules([declared, undeclared], { analyzer });
    expect(compiled.themes).toEqual([
      { id: 'test-theme', label: 'Test theme' },
      { id: 'other-theme', label: 'other-theme' },
    ]);
    expect(compiled.ruleSets).toEqual(['one', 'two']);
  });

  it('is immutable', () => {
    const compiled = compile([{ pattern: 'a' }]);
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.rules)).toBe(true);
    expect(Object.isFrozen(compiled.rules[0])).toBe(true);
  });

  it('rejects a rule id used in two rule sets', () => {
    const a = ruleSet([{ pattern: 'a', id: 'same.id' }], 'first');
    const b = ruleSet([{ pattern: 'b' }, { pattern: 'c', id: 'same.id' }], 'second');
    try {
      compileRules([a, b], { analyzer });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      expect((error as RuleSetError).code).toBe('INVALID_RULE_SET');
      expect((error as RuleSetError).message).toContain('"first"');
      expect((error as RuleSetError).issues.map((i) => formatPath(i.path))).toEqual(['rules[1].id']);
    }
  });

  it('validates rule sets built in code', () => {
    const bad = ruleSet([{ pattern: 'see ~12 child' }]);
    expect(() => compileRules([bad], { analyzer })).toThrowError(expect.objectContaining({ code: 'INVALID_PATTERN' }));
    const weightless = ruleSet([{ pattern: 'a', weight: 0 }]);
    expect(() => compileRules([weightless])).toThrowError(expect.objectContaining({ code: 'INVALID_RULE_SET' }));
  });

  it('works without an analyzer, splitting clitics like wink', () => {
    const compiled = compileRules([ruleSet([{ pattern: "child's voice" }])]);
    const text = "The child's voice.";
    expect(matchText(compiled, analyzer.analyze(text)).map((h) => text.slice(h.start, h.end))).toEqual(["child's voice"]);
  });
});
