/** Page spans of a paged source (PDF): offsets into the tagged text. Pure. */

/** A page of a paged source: `start`..`end` offsets into the tagged text. */
export interface PageSpan {
  readonly page: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Page (1-based) holding `offset` in pages sorted by start: the last page starting
 * at or before it (the first page for an offset before every page), or undefined
 * when there are no pages.
 */
export function pageAt(pages: readonly PageSpan[], offset: number): number | undefined {
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
