/** The integer form of patterns and tokens the matcher runs on (src/rules/word-ids.ts). */
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { defaultSplitWord } from '../src/rules/pattern-words';
import { parsePattern } from '../src/rules/pattern';
import { compileProgram, Op } from '../src/rules/program';
import { searchEncoded, searchSentence } from '../src/rules/run-program';
import {
  CLAUSE_BREAK,
  collectWords,
  encodeProgram,
  encodeTokens,
  hasBit,
  NEGATED,
  PUNCTUATION,
  STRIDE,
  tokenBuffers,
} from '../src/rules/word-ids';
import { createTextAnalyzer } from '../src/text/analyzer';

const analyzer = createTextAnalyzer(model);

function program(source: string) {
  return compileProgram(source, parsePattern(source).nodes, defaultSplitWord);
}

describe('word ids', () => {
  it('gives every word a program tests one id, from 1, and keeps ids already given', () => {
    const ids = new Map<string, number>([['child', 1]]);
    collectWords(program("(see|visit) the child's room"), ids);
    expect(ids.get('child')).toBe(1);
    expect([...ids.values()].sort((a, b) => a - b)).toEqual([...Array(ids.size).keys()].map((i) => i + 1));
    for (const word of ['see', 'visit', 'the', 'room', "'s", '’s']) expect(ids.has(word)).toBe(true);
  });

  it('encodes a word as its ids, a group as a bitset and the first words as a bitset', () => {
    const ids = new Map<string, number>();
    const p = program('(see|visit) child');
    collectWords(p, ids);
    const encoded = encodeProgram(p, ids);
    expect(encoded.code.length).toBe(p.code.length * STRIDE);
    const wordAt = p.code.findIndex((ins) => ins.op === Op.Word);
    expect(encoded.code[wordAt * STRIDE + 1]).toBe(ids.get('child'));
    const setAt = p.code.findIndex((ins) => ins.op === Op.WordSet);
    const set = encoded.sets[encoded.code[setAt * STRIDE + 1]!]!;
    expect(hasBit(set, ids.get('see')!)).toBe(true);
    expect(hasBit(set, ids.get('child')!)).toBe(false);
    expect(hasBit(encoded.first!, ids.get('visit')!)).toBe(true);
    expect(hasBit(encoded.first!, ids.get('child')!)).toBe(false);
  });

  it('encodes tokens as norm and lemma ids (0 for words no pattern mentions) and flags', () => {
    const ids = new Map<string, number>([
      ['child', 1],
      ['see', 2],
    ]);
    const tokens = analyzer.tokenize('Nobody saw the children, then left.');
    const encoded = encodeTokens(tokens, ids, tokenBuffers());
    expect(encoded.count).toBe(tokens.length);
    const at = (text: string): number => tokens.findIndex((t) => t.text === text);
    expect(encoded.lemma[at('saw')]).toBe(2);
    expect(encoded.norm[at('saw')]).toBe(0);
    expect(encoded.lemma[at('children')]).toBe(1);
    expect(encoded.norm[at('the')]).toBe(0);
    expect(encoded.flags[at('children')]! & NEGATED).toBe(NEGATED);
    expect(encoded.flags[at(',')]).toBe(PUNCTUATION | CLAUSE_BREAK);
    expect(encoded.flags[at('then')]! & (PUNCTUATION | NEGATED)).toBe(0);
  });

  it('reuses and grows the buffers it is given', () => {
    const buffers = tokenBuffers();
    const long = analyzer.tokenize(`${'very '.repeat(100)}long`);
    const encoded = encodeTokens(long, new Map([['long', 1]]), buffers);
    expect(encoded).toBe(buffers);
    expect(encoded.count).toBe(101);
    expect(encoded.norm.length).toBeGreaterThanOrEqual(101);
    expect(encoded.norm[100]).toBe(1);
    expect(encodeTokens(analyzer.tokenize('long'), new Map([['long', 7]]), buffers).count).toBe(1);
    expect(buffers.norm[0]).toBe(7);
  });

  it.each([
    ['see ~3 child', 'The worker did see the small child.', true],
    ['see ~1 child', 'The worker did see the small quiet child.', false],
    ['see ~5 child', 'We see them, then the child.', false],
    ['(mother|father) * visit', 'The mother then visited.', true],
    ['home visit', 'A visit at home.', false],
  ])('searches %j in %j on ids exactly as on the tokens (%s)', (source, text, expected) => {
    const p = program(source);
    const tokens = analyzer.tokenize(text);
    const ids = new Map<string, number>();
    collectWords(p, ids);
    const onIds = searchEncoded(encodeProgram(p, ids), encodeTokens(tokens, ids, tokenBuffers()), () => true);
    expect(onIds).toBe(expected);
    expect(searchSentence(p, tokens, () => true)).toBe(expected);
  });
});
