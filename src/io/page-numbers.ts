/**
 * Page numbers for sentences and evidence of a paged document. The tagger sets
 * them itself when given `pages`; this fills in any it left out, so evidence from
 * a PDF always carries its page. Pure.
 */
import type { TagResult } from '../result-schema';
import type { PageSpan } from './document';

/** Page (1-based) holding `offset`, or undefined when there are no pages. */
export function pageAt(pages: readonly PageSpan[], offset: number): number | undefined {
  // Pages are in order; binary search for the last page starting at or before offset.
  let lo = 0;
  let hi = pages.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pages[mid]!.start <= offset) {
      found = pages[mid]!.page;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? pages[0]?.page;
}

/** The result with `page` set on every sentence and piece of evidence that lacks one. */
export function withPageNumbers(result: TagResult, pages: readonly PageSpan[] | undefined): TagResult {
  if (!pages?.length) return result;
  const fill = <T extends { start: number; page?: number | undefined }>(item: T): T =>
    item.page === undefined ? { ...item, page: pageAt(pages, item.start) } : item;
  return {
    ...result,
    sentences: result.sentences.map((s) => fill({ ...s, evidence: s.evidence.map(fill) })),
    document: Object.fromEntries(Object.entries(result.document).map(([theme, d]) => [theme, { ...d, evidence: d.evidence.map(fill) }])),
  };
}
