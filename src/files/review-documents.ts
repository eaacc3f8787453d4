/** Reads, tags and queues documents for review (the IO around the pure review queue). */
import { expandPaths } from '../io/expand-paths';
import { readDocuments } from '../io/readers/index';
import { isErrorRecord, toErrorRecord, type ErrorRecord } from '../io/document';
import type { Tagger } from '../tagger';
import type { TagResult } from '../result-schema';
import { reviewQueue, type QueuedPassage, type ReviewDocument, type ReviewQueueOptions } from '../review/queue';

/** Options of {@link queueDocumentsForReview}. */
export interface QueueDocumentsOptions extends ReviewQueueOptions {
  /** The tagger whose uncertainty the queue follows. */
  readonly tagger: Tagger;
  /** Called with each file or record that cannot be read or tagged (the rest carry on). */
  readonly onError?: (record: ErrorRecord) => void;
  /** Called after each document is tagged (progress). */
  readonly onDocument?: (id: string) => void;
}

/** What {@link queueDocumentsForReview} returns. */
export interface QueuedDocuments {
  readonly queue: QueuedPassage[];
  /** Documents tagged. */
  readonly documents: number;
  readonly errors: ErrorRecord[];
}

/**
 * Tags every document under `paths` (files, folders, globs; PDFs, DOCX, text,
 * JSONL/CSV records) and returns the review queue. Only each document's best
 * candidates are kept while reading, so memory stays flat over a large archive.
 */
export async function queueDocumentsForReview(paths: readonly string[], options: QueueDocumentsOptions): Promise<QueuedDocuments> {
  const { tagger, onError, onDocument, ...queueOptions } = options;
  const size = queueOptions.size ?? 100;
  const kept: ReviewDocument[] = [];
  const errors: ErrorRecord[] = [];
  const fail = (record: ErrorRecord) => {
    errors.push(record);
    onError?.(record);
  };
  for (const input of await expandPaths(paths)) {
    if (input.kind === 'error') {
      fail(input.record);
      continue;
    }
    for await (const item of readDocuments(input.path)) {
      if (isErrorRecord(item)) {
        fail(item);
        continue;
      }
      let result: TagResult;
      try {
        result = tagger.tag(item.text, { id: item.id, ...(item.pages ? { pages: item.pages } : {}) });
      } catch (error) {
        fail(toErrorRecord(item.path, error, item.id));
        continue;
      }
      kept.push(bestCandidates({ id: item.id, result }, { ...queueOptions, maxPerDocument: size }));
      onDocument?.(item.id);
    }
  }
  return { queue: reviewQueue(kept, queueOptions), documents: kept.length, errors };
}

// The document with only the sentences it could contribute to a queue of this size.
function bestCandidates(doc: ReviewDocument, options: ReviewQueueOptions): ReviewDocument {
  const keep = new Set(reviewQueue([doc], { ...options, documentDiscount: 1 }).map((p) => p.index));
  return { id: doc.id, result: { ...doc.result, sentences: doc.result.sentences.filter((s) => keep.has(s.index)) } };
}
