import { describe, expect, it } from 'vitest';
import { cleanupPdfPages, runningLineKey } from '../src/io/readers/pdf-cleanup';
import { itemsToLines, type PdfTextItem } from '../src/io/readers/pdf-lines';

const page = (n: number, body: string[], total = 3) => ['Overview Report: Child Q', ...body, `Page ${n} of ${total}`];

describe('cleanupPdfPages', () => {
  it('removes a running header and "Page N of M" footers repeated on every page', () => {
    const { text, removedLines } = cleanupPdfPages([page(1, ['First page text.']), page(2, ['Second page text.']), page(3, ['Third page text.'])]);
    expect(text).toBe('First page text.\n\nSecond page text.\n\nThird page text.');
    expect(removedLines).toBe(6);
    expect(text).not.toMatch(/Overview Report|Page \d/);
  });

  it('keeps page spans so every page slice is that page’s text', () => {
    const pages = [page(1, ['Alpha one.', 'Alpha two.']), page(2, ['Beta.']), page(3, ['Gamma.'])];
    const cleaned = cleanupPdfPages(pages);
    expect(cleaned.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(cleaned.pages.map((p) => cleaned.text.slice(p.start, p.end))).toEqual(['Alpha one. Alpha two.', 'Beta.', 'Gamma.']);
  });

  it.each([
    ['bare numbers', (n: number) => String(n)],
    ['dashed numbers', (n: number) => `- ${n} -`],
    ['"Page N"', (n: number) => `Page ${n}`],
    ['multi-digit numbers', (n: number) => String(n + 8)],
  ])('removes page numbers written as %s', (_name, footer) => {
    const words = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    const pages = [1, 2, 3, 4].map((n) => [`${words[n - 1]} text.`, footer(n)]);
    expect(cleanupPdfPages(pages).text).toBe('Alpha text.\n\nBeta text.\n\nGamma text.\n\nDelta text.');
  });

  it('keeps numbered headings whose numbers do not follow the page numbers', () => {
    const pages = [['Appendix 1', 'One.'], ['Appendix 2', 'Two.'], ['Appendix 4', 'Three.']];
    expect(cleanupPdfPages(pages).text).toBe('Appendix 1 One.\n\nAppendix 2 Two.\n\nAppendix 4 Three.');
  });

  it('keeps a line that repeats on fewer than most pages', () => {
    const pages = [['Recommendation', 'Text one.'], ['Other heading', 'Text two.'], ['Third heading', 'Text three.'], ['Recommendation', 'Text four.']];
    expect(cleanupPdfPages(pages).text).toContain('Recommendation');
  });

  it('keeps a repeated line that is in the middle of the page, not at its top or bottom', () => {
    const body = (n: number) => [`Top ${'x'.repeat(n)}.`, `Second ${'y'.repeat(n)}.`, 'Same middle line.', `Fourth ${'z'.repeat(n)}.`, `Last ${'w'.repeat(n)}.`];
    const text = cleanupPdfPages([body(1), body(2), body(3)]).text;
    expect(text.match(/Same middle line/g)).toHaveLength(3);
  });

  it('does not treat the lines of a single page as running lines', () => {
    expect(cleanupPdfPages([['Title', 'Body.', '1']]).text).toBe('Title Body. 1');
  });

  it('joins a word hyphenated across a line end and keeps real hyphens', () => {
    const { text } = cleanupPdfPages([['The practi-', 'tioners met the well-', 'Known family and a three-year-old child.']]);
    expect(text).toBe('The practitioners met the well- Known family and a three-year-old child.');
  });

  it('turns blank lines into paragraph breaks and starts list items on new lines', () => {
    const { text } = cleanupPdfPages([['Key learning', '', 'Agencies should:', '\u2022 share records;', '\u2022 see the child', 'alone.', '2.1 Next point']]);
    expect(text).toBe('Key learning\n\nAgencies should:\n\u2022 share records;\n\u2022 see the child alone.\n2.1 Next point');
  });

  it('keeps a sentence that runs on to the next page in one paragraph', () => {
    const cleaned = cleanupPdfPages([['The visits went', 'on until'], ['the spring.', 'Next.'], ['New page.']]);
    expect(cleaned.text).toBe('The visits went on until\nthe spring. Next.\n\nNew page.');
    expect(cleaned.pages.map((p) => cleaned.text.slice(p.start, p.end))).toEqual(['The visits went on until', 'the spring. Next.', 'New page.']);
  });

  it('gives an empty page an empty span and no extra breaks', () => {
    const cleaned = cleanupPdfPages([['One.'], [], ['Three.']]);
    expect(cleaned.text).toBe('One.\n\nThree.');
    expect(cleaned.pages[1]).toEqual({ page: 2, start: 4, end: 4 });
  });

  it('normalises case, spacing and digits in running-line keys', () => {
    expect(runningLineKey('Page  3 of 40')).toBe(runningLineKey('page 4 of 40'));
    expect(runningLineKey('Page 3')).not.toBe(runningLineKey('Part 3'));
  });
});

const item = (str: string, x: number, y: number, width = str.length * 5, size = 10): PdfTextItem => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });

describe('itemsToLines', () => {
  it('orders lines top to bottom and items left to right, whatever the stream order', () => {
    const lines = itemsToLines([item('second line', 50, 700), item('world', 110, 715), item('Hello', 50, 715, 50)]);
    expect(lines).toEqual(['Hello world', 'second line']);
  });

  it('adds a space only where items are apart', () => {
    expect(itemsToLines([item('safe', 50, 700, 20), item('guarding', 70, 700, 40), item('lead', 115, 700, 20)])).toEqual(['safeguarding lead']);
  });

  it('marks a gap wider than the usual line spacing as a paragraph break', () => {
    const lines = itemsToLines([item('one', 50, 700), item('two', 50, 688), item('three', 50, 676), item('four', 50, 640), item('five', 50, 628)]);
    expect(lines).toEqual(['one', 'two', 'three', '', 'four', 'five']);
  });

  it('keeps a superscript on its line', () => {
    expect(itemsToLines([item('Child D', 50, 700, 35), item('1', 86, 703, 3, 6), item('was born', 92, 700)])).toEqual(['Child D 1 was born']);
  });
});
