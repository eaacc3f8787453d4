import { readFileSync } from 'node:fs';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from '../src/text/analyzer';
import { DEFAULT_SEGMENT_LENGTH, segmentBoundaries } from '../src/text/segments';

describe('segmentBoundaries', () => {
  it('leaves a text no longer than the segment length whole', () => {
    expect(segmentBoundaries('One. Two.\n\nThree.', 100)).toEqual([[0, 17]]);
    expect(segmentBoundaries('', 1)).toEqual([[0, 0]]);
  });

  it('cuts just after a blank line that follows a full stop, question or exclamation mark', () => {
    const text = 'The GP was not told.\n\nThe school was.\n\nWhy not?\n \t\nNobody asked!\r\n\r\nEnd';
    const cuts = segmentBoundaries(text, 1).map(([start]) => start).slice(1);
    expect(cuts).toEqual([text.indexOf('The school'), text.indexOf('Why'), text.indexOf('Nobody'), text.indexOf('End')]);
  });

  it('covers the text in order, each segment at least the segment length but the last', () => {
    const text = 'A sentence ends here.\n\n'.repeat(50);
    const segments = segmentBoundaries(text, 100);
    expect(segments[0]![0]).toBe(0);
    expect(segments.at(-1)![1]).toBe(text.length);
    for (let i = 1; i < segments.length; i++) expect(segments[i]![0]).toBe(segments[i - 1]![1]);
    for (const [start, end] of segments.slice(0, -1)) expect(end - start).toBeGreaterThanOrEqual(100);
  });

  it('does not cut after a heading, a hyphen, a colon, or where a page break is in the gap', () => {
    for (const text of [
      'Key findings\n\nThe GP was not told.',
      'The safe-\n\nguarding lead.',
      'Recommendations:\n\n1. Share records.',
      'The GP was not told.\f\nThe school was.',
      'The GP was not told.\n\f\nThe school was.',
      'The GP was not told.\nThe school was.',
    ]) {
      expect(segmentBoundaries(text, 1), JSON.stringify(text)).toEqual([[0, text.length]]);
    }
  });
});

// Fragments that end and start blocks in every way layout knows (headings, markers,
// page breaks, hyphenation, CRLF, curly quotes), joined at random (deterministic PRNG).
const FRAGMENTS = [
  'The GP did not visit the baby.', 'Nobody asked the children.', 'Key findings', 'Why was the case closed?',
  'Mother declined services!', '4.12 The health visitor\u2019s concerns were not passed on.', '\u2022 Share records.',
  '- Agencies must share records.', '(a) the school;', '1. Review the policy.', 'safe-\nguarding lead', 'Recommendations:',
  '\u201cNo\u201d, she said.', 'Dr. J. Smith visited at 10.30 p.m.', 'Child D lived with her mother.', 'the children',
  '\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\n \n', '\f', '\n\f\n', ' ', '\t', '.', '',
];

function randomText(seed: number, parts: number): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const out: string[] = [];
  for (let i = 0; i < parts; i += 1) out.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!, next() < 0.5 ? ' ' : '\n\n');
  return out.join('');
}

describe('analysing in segments', () => {
  // Two analyzers, each with its own wink instance, fed the same texts in the same order
  // (wink remembers the words it has read, so both must share a history).
  const whole = createTextAnalyzer(model, { segmentLength: Infinity });
  const cut = createTextAnalyzer(model, { segmentLength: 1 });

  it('gives exactly the result of analysing the text whole, cutting at every safe place', () => {
    let segmented = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const text = randomText(seed, 4 + (seed % 40));
      if (segmentBoundaries(text, 1).length > 2) segmented += 1;
      expect(cut.analyze(text), `seed ${seed}: ${JSON.stringify(text)}`).toEqual(whole.analyze(text));
    }
    // The comparison means something only if most texts were really cut.
    expect(segmented).toBeGreaterThan(200);
  });

  it('gives the same result on a long review, and streams the same sentences', () => {
    const one = readFileSync(new URL('../examples/review-example.txt', import.meta.url), 'utf8');
    const text = (one.trimEnd() + '\n\n').repeat(40) + randomText(7, 400);
    expect(text.length).toBeGreaterThan(DEFAULT_SEGMENT_LENGTH);
    expect(segmentBoundaries(text).length).toBeGreaterThan(1);
    const a = whole.analyze(text);
    const streamed: unknown[] = [];
    const b = cut.forEachSentence(text, (s) => void streamed.push(s));
    expect(b.blocks).toEqual(a.blocks);
    expect(streamed).toEqual(a.sentences);
  });

  it('refuses a segment length that is not a positive number', () => {
    for (const segmentLength of [0, -1, Number.NaN]) {
      expect(() => createTextAnalyzer(model, { segmentLength })).toThrow(/segmentLength must be a positive number/);
    }
  });
});
