/**
 * The records batch tagging writes: one per document (document level) or one per
 * sentence (sentence level), built from a TagResult, plus error records. Pure.
 */
import type { SentenceResult, TagResult } from '../../result-schema';
import type { SourceDocument } from '../document';

/** How much each output record covers. */
export type OutputLevel = 'document' | 'sentence';

/** A document-level record: where the text came from and the tag result without its sentences. */
export interface DocumentRecord extends Omit<TagResult, 'sentences' | 'id'> {
  readonly id: string;
  readonly path: string;
  readonly format: SourceDocument['format'];
  /** 1-based line of the record in a .jsonl/.csv file. */
  readonly line?: number;
  /** Number of pages (PDF). */
  readonly pages?: number;
  /** The extracted text the offsets index into (`tag --emit-text`). */
  readonly text?: string;
}

/** A sentence-level record: the sentence's result plus the document it belongs to. */
export interface SentenceRecord extends SentenceResult {
  /** The document's id. */
  readonly id: string;
  readonly path: string;
}

/** What tagging one document gives the output and the report. */
export interface TaggedDocument {
  readonly record: DocumentRecord;
  /** Present at sentence level. */
  readonly sentences?: readonly SentenceRecord[];
}

/** Builds the output records of one tagged document (sentences only at sentence level). */
export function toTaggedDocument(doc: SourceDocument, result: TagResult, level: OutputLevel): TaggedDocument {
  const { sentences, id: _ignored, ...rest } = result;
  const record: DocumentRecord = {
    id: doc.id,
    path: doc.path,
    format: doc.format,
    ...(doc.line === undefined ? {} : { line: doc.line }),
    ...(doc.pages ? { pages: doc.pages.length } : {}),
    ...rest,
  };
  if (level === 'document') return { record };
  return { record, sentences: sentences.map((s) => ({ id: doc.id, path: doc.path, ...s })) };
}
