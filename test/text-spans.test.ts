import { readFileSync } from 'node:fs';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from '../src/text/analyzer';
import { cleanText } from '../src/text/clean';
import type { AnalyzedText } from '../src/text/types';

const analyzer = createTextAnalyzer(model);

// Corpus-like passages written for these tests: review prose as it comes out of PDFs and Word files.
const PASSAGES = [
  'Key findings\n\n4.12 The health visitor\u2019s concerns about the baby\u2019s weight were not passed to the GP, and\nthe GP did not know the family had moved. Nobody spoke to the children on their own;\nevery visit was arranged through their mother.\n\n4.13 Mother cancelled four home visits and the case was closed on the basis that she had\ndeclined services.',
  'What happened\r\nThe social worker accepted the explanation that the bruise came from a fall, although it was\r\nthe second such injury in a month. The school\u2019s designated safe-\r\nguarding lead disagreed with the decision to step-\r\ndown to early help but did not use the escalation procedure.\r\n',
  'Recommendations:\n\u2022 The partnership should review its escalation policy.\n\u2022 Supervision should test the worker\u2019s view of the family\n  rather than focus on deadlines.\n- Agencies must share records at transfer.\n(a) the GP;\n(b) the school; and\n(c) the police.',
  'The team had three managers in a year and the social worker held 28 cases; supervision focused on\fdeadlines rather than the children. See para. 4.12, e.g. the visit at 10.30 p.m. on 3.4.2019 by\nDr. J. Smith (approx. 2 hrs). A s.47 enquiry under section 47 was not started. Learning \u2022 curiosity \u2022 challenge',
  'Child D was born in 2019 and lived with her mother and two older brothers.\n\n\n\nIn 2020 the panel received 482 notifications, 206 of which concerned a child\u2019s death.\f\fThe \ufb01le was \u201cclosed\u201d\u00a0too early\u200b.',
  '',
  '   ',
  '\u2022',
  '4.12',
  'No.',
  '...',
  'A',
];

// Fragments recombined at random (deterministic PRNG) to reach odd joins: breaks, markers, quotes, hyphens.
const FRAGMENTS = [
  'The GP', 'did not', 'visit', 'the baby', '.', ',', ';', ':', '\n', '\n\n', '\r\n', '\f', ' ', '  ', '\t', '-', 'safe-\n', 'guarding',
  '\u2022 ', '- ', '4.12 ', '1. ', '(a) ', 'Key findings', 'e.g.', 'Dr.', 'para.', '10.30 p.m.', '10pm.', '\u2019s', '\u201cNo\u201d', 'Nobody asked',
  'the children', 'without', 'but', '\u00a0', '\u00ad', '\ufb01', '\u200b', 'Children\u2019s Services', '?', '!', 'o ', '\u2013 ', '28', '\u00a3', 's.47',
];

function randomText(seed: number): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 30);
  for (let i = 0; i < count; i += 1) parts.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!);
  return parts.join(next() < 0.5 ? ' ' : '');
}

/** Checks every span invariant of an analysed text. */
function checkSpans(input: string, result: AnalyzedText): void {
  expect(result.text).toBe(input);
  let lastBlockEnd = 0;
  result.blocks.forEach((block, i) => {
    expect(block.index).toBe(i);
    expect(block.start).toBeGreaterThanOrEqual(lastBlockEnd);
    expect(block.end).toBeGreaterThan(block.start);
    if (block.marker) {
      expect(input.slice(block.marker.start, block.marker.end)).toBe(block.marker.text);
      expect(block.marker.start).toBe(block.start);
    }
    lastBlockEnd = block.end;
  });
  let lastSentenceEnd = 0;
  result.sentences.forEach((sentence, i) => {
    expect(sentence.index).toBe(i);
    expect(input.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentence.text).toBe(sentence.text.trim());
    expect(sentence.start).toBeGreaterThanOrEqual(lastSentenceEnd);
    lastSentenceEnd = sentence.end;
    const block = result.blocks[sentence.block]!;
    expect(sentence.start).toBeGreaterThanOrEqual(block.marker?.end ?? block.start);
    expect(sentence.end).toBeLessThanOrEqual(block.end);
    expect(sentence.tokens.length).toBeGreaterThan(0);
    expect(sentence.tokens[0]!.start).toBe(sentence.start);
    expect(sentence.tokens.at(-1)!.end).toBe(sentence.end);
    let lastTokenEnd = sentence.start;
    for (const token of sentence.tokens) {
      expect(token.start).toBeGreaterThanOrEqual(lastTokenEnd);
      expect(token.end).toBeGreaterThan(token.start);
      const slice = input.slice(token.start, token.end);
      // A token is its own text, or (a word joined across a line break, a ligature) the cleaned form of it.
      if (slice !== token.text) expect(cleanText(slice).text).toBe(token.text);
      expect(token.norm).toBe(token.norm.toLowerCase());
      lastTokenEnd = token.end;
    }
  });
  // Every sentence belongs to a block and every block has a sentence.
  expect(new Set(result.sentences.map((s) => s.block)).size).toBe(result.blocks.length);
}

describe('spans slice back to their own text', () => {
  it.each(PASSAGES.map((p, i) => [i, p] as const))('passage %i', (_i, passage) => {
    checkSpans(passage, analyzer.analyze(passage));
  });

  it('holds for the shipped example review', () => {
    const text = readFileSync(new URL('../examples/review-example.txt', import.meta.url), 'utf8');
    const result = analyzer.analyze(text);
    checkSpans(text, result);
    expect(result.sentences.length).toBeGreaterThan(10);
  });

  it('holds on a long document read in several wink chunks, copy for copy', () => {
    const one = readFileSync(new URL('../examples/review-example.txt', import.meta.url), 'utf8').trimEnd() + '\n\n';
    const copies = 80; // well past one 64K chunk
    const text = one.repeat(copies);
    const single = analyzer.analyze(one);
    const result = analyzer.analyze(text);
    checkSpans(text, result);
    expect(result.sentences.length).toBe(single.sentences.length * copies);
    const last = result.sentences.slice(-single.sentences.length);
    const shift = one.length * (copies - 1);
    expect(last.map((s) => s.tokens.map((t) => [t.start - shift, t.lemma, t.negated]))).toEqual(
      single.sentences.map((s) => s.tokens.map((t) => [t.start, t.lemma, t.negated])),
    );
  });

  it('holds for 400 random recombinations', () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const text = randomText(seed);
      try {
        checkSpans(text, analyzer.analyze(text));
      } catch (error) {
        throw new Error(`seed ${seed}, text ${JSON.stringify(text)}: ${String(error)}`);
      }
    }
  });

  it('tokenize spans slice back too', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const text = randomText(seed);
      for (const token of analyzer.tokenize(text)) {
        const slice = text.slice(token.start, token.end);
        if (slice !== token.text) expect(cleanText(slice).text).toBe(token.text);
      }
    }
  });
});
