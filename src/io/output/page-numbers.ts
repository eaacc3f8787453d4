/**
 * Page numbers for sentences and evidence of a paged document. The tagger sets
 * them itself when given `pages`; this fills in any it left out, so evidence from
 * a PDF always carries its page. Pure.
 */
import type { TagResult } from '../../result-schema';
import type { PageSpan } from '../document';
import { pageAt } from '../../pages';

export { pageAt };

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
