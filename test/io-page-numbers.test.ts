import { describe, expect, it } from 'vitest';
import { pageAt, withPageNumbers } from '../src/io/output/page-numbers';
import type { TagResult } from '../src/result-schema';

const pages = [
  { page: 1, start: 0, end: 10 },
  { page: 2, start: 12, end: 30 },
  { page: 3, start: 32, end: 40 },
];

describe('page numbers', () => {
  it.each([
    [0, 1],
    [9, 1],
    [11, 1],
    [12, 2],
    [31, 2],
    [39, 3],
    [100, 3],
  ])('offset %i is on page %i', (offset, page) => {
    expect(pageAt(pages, offset)).toBe(page);
  });

  it('fills in missing pages of sentences and evidence and keeps those set', () => {
    const evidence = (start: number, page?: number) => ({ kind: 'rule' as const, theme: 't', ruleId: 'r', weight: 1, start, end: start + 2, text: 'xx', ...(page ? { page } : {}) });
    const result = {
      themes: ['t'],
      scores: { t: 1 },
      document: { t: { score: 1, tagged: true, source: 'rules' as const, strength: 1, passages: 1, coverage: 1, sentences: 1, share: 1, evidence: [evidence(33)] } },
      sentences: [{ index: 0, block: 0, start: 12, end: 40, text: '', themes: ['t'], scores: {}, evidence: [evidence(14), evidence(35, 7)] }],
      meta: { characters: 40, sentenceCount: 1, ruleSets: [] },
    } satisfies TagResult;
    const filled = withPageNumbers(result, pages);
    expect(filled.sentences[0]!.page).toBe(2);
    expect(filled.sentences[0]!.evidence.map((e) => e.page)).toEqual([2, 7]);
    expect(filled.document.t!.evidence[0]!.page).toBe(3);
    expect(withPageNumbers(result, undefined)).toBe(result);
    expect(result.sentences[0]).not.toHaveProperty('page');
  });
});
