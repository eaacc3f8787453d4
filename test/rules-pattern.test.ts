import { describe, expect, it } from 'vitest';
import { RuleSetError } from '../src/errors';
import { parsePattern, patternWords, safeParsePattern, type PatternNode } from '../src/rules/pattern';
import { defaultSplitWord, expandWord } from '../src/rules/pattern-words';

/** Compact rendering of an AST, to compare structure in a table. */
function show(nodes: readonly PatternNode[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'word':
          return n.text + (n.optional ? '?' : '');
        case 'group':
          return `(${n.alternatives.map(show).join('|')})${n.optional ? '?' : ''}`;
        case 'gap':
          return `~${n.max}`;
        case 'any':
          return '*';
      }
    })
    .join(' ');
}

describe('parsePattern: valid patterns', () => {
  it.each([
    ['ask', 'ask'],
    ['Voice  of the CHILD', 'voice of the child'],
    ["child's voice", "child's voice"],
    ['child’s voice', "child's voice"],
    ['(see|speak|talk) ~4 child', '(see|speak|talk) ~4 child'],
    ['(a|b c|d)', '(a|b c|d)'],
    ['(a (b|c)? d|e)', '(a (b|c)? d|e)'],
    ['very? concerned', 'very? concerned'],
    ['(quite|very)? concerned', '(quite|very)? concerned'],
    ['see * child', 'see * child'],
    ['see ~10 child', 'see ~10 child'],
    ['step-down', 'step-down'],
    ['a&e e.g. 20% and/or', 'a&e e.g. 20% and/or'],
    ['a b|c d', '(a b|c d)'],
    ['see(the)?child', 'see (the)? child'],
  ])('%j parses to %j', (source, expected) => {
    expect(show(parsePattern(source).nodes)).toBe(expected);
  });

  it('records 1-based columns', () => {
    const [first, gap, last] = parsePattern('see ~4 (child|baby)').nodes;
    expect(first?.column).toBe(1);
    expect(gap?.column).toBe(5);
    expect(last?.column).toBe(8);
  });

  it('lists every literal word for linting', () => {
    expect(patternWords(parsePattern('(see|speak) ~2 the? (child|young person)').nodes).map((w) => w.text)).toEqual([
      'see',
      'speak',
      'the',
      'child',
      'young',
      'person',
    ]);
  });
});

describe('parsePattern: invalid patterns', () => {
  it.each([
    ['', 1, 'empty pattern'],
    ['   ', 1, 'empty pattern'],
    ['(see|speak', 1, 'never closed'],
    ['see child)', 10, 'without a matching'],
    ['(a|)', 4, 'empty alternative'],
    ['()', 2, 'empty alternative'],
    ['|a', 1, 'empty alternative'],
    ['? child', 1, '"?" must follow'],
    ['child??', 7, '"??"'],
    ['~3 child', 1, 'cannot start with a gap'],
    ['child ~3', 7, 'cannot end with a gap'],
    ['* child', 1, 'cannot start with a gap'],
    ['(~2 a|b) c', 2, 'cannot start with a gap'],
    ['see ~ child', 5, 'followed by a number'],
    ['see ~0 child', 5, 'out of range'],
    ['see ~11 child', 5, 'out of range'],
    ['see ~3? child', 7, 'cannot be optional'],
    ['see *? child', 6, 'cannot be optional'],
    ['see ~2 ~3 child', 8, 'two gaps in a row'],
    ['see ~2 * child', 8, 'two gaps in a row'],
    ['see [child]', 5, 'unexpected "["'],
    ['see child, alone', 10, 'unexpected ","'],
    ['child?', 1, 'at least one word that must match'],
    ['(a|b?) c?', 1, 'at least one word that must match'],
  ])('%j fails at column %i (%s)', (source, column, message) => {
    const result = safeParsePattern(source);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.column).toBe(column);
    expect(result.error.message).toContain(message);
  });

  it('parsePattern throws RuleSetError with code INVALID_PATTERN and the column', () => {
    try {
      parsePattern('see ~11 child');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      expect((error as RuleSetError).code).toBe('INVALID_PATTERN');
      expect((error as RuleSetError).message).toContain('column 5');
    }
  });
});

describe('pattern words', () => {
  it.each([
    ["child's", [['child', "'s"]]],
    ["wasn't", [['was', "n't"]]],
    ["can't", [['ca', "n't"]]],
    ['voice', [['voice']]],
    ['multi-agency', [['multi-agency'], ['multi', '-?', 'agency']]],
  ])('%j expands to %j with the default splitter', (word, expected) => {
    const expanded = expandWord(word, defaultSplitWord).map((alt) => alt.map((p) => p.text + (p.optional ? '?' : '')));
    expect(expanded).toEqual(expected);
  });

  it('uses only the spaced form when the splitter already splits at the hyphen', () => {
    const split = (w: string): string[] => w.split(/(-)/).filter(Boolean);
    expect(expandWord('step-down', split).map((alt) => alt.map((p) => p.text))).toEqual([['step', '-', 'down']]);
  });

  it('rejects a word that yields no token', () => {
    expect(() => expandWord('x', () => [])).toThrow(/no token/);
  });
});
