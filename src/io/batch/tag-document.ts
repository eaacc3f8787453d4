/**
 * What a batch worker does with one task: read the file (or take the record
 * already read), tag it, fill in page numbers and build the output records and
 * the report summary. Never throws: a failure is an error record.
 */
import type { TagResult } from '../../result-schema';
import { toErrorRecord, type ErrorRecord, type PageSpan, type SourceDocument } from '../document';
import { toTaggedDocument, type OutputLevel, type TaggedDocument } from '../output/output-records';
import { withPageNumbers } from '../output/page-numbers';
import { readDocument } from '../readers/index';
import { summariseForReport, type ReportDocument } from '../report/report-data';

/** The part of a tagger batch tagging uses (the project's Tagger fits it). */
export interface BatchTagger {
  /** Theme ids, in the order outputs list them. */
  readonly themes: readonly string[];
  tag(text: string, options?: { readonly id?: string; readonly pages?: readonly PageSpan[] }): TagResult;
}

/** A unit of work: a file to read and tag, or a record already read from a .jsonl/.csv file. */
export type BatchTask = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'document'; readonly doc: SourceDocument };

/** The outcome of a task; `warnings` are what reading had to fix (printed on stderr). */
export type TaskOutcome = (
  | { readonly ok: true; readonly tagged: TaggedDocument; readonly report?: ReportDocument; readonly sentenceCount: number }
  | { readonly ok: false; readonly error: ErrorRecord }
) & { readonly warnings?: readonly string[] };

/** How tasks are processed. */
export interface TaskSettings {
  readonly level: OutputLevel;
  /** Build the report summary too. */
  readonly report: boolean;
  /** Put the extracted text in the document record (`text`). */
  readonly emitText?: boolean;
}

/** Reads (if needed) and tags one task; failures become error records. */
export async function runTask(task: BatchTask, tagger: BatchTagger, settings: TaskSettings): Promise<TaskOutcome> {
  const path = task.kind === 'file' ? task.path : task.doc.path;
  let doc: SourceDocument;
  try {
    doc = task.kind === 'file' ? await readDocument(task.path) : task.doc;
  } catch (error) {
    return { ok: false, error: toErrorRecord(path, error) };
  }
  const outcome = tagDocument(doc, tagger, settings);
  return doc.warnings?.length ? { ...outcome, warnings: doc.warnings } : outcome;
}

/** Tags a document already read; a tagger failure becomes an error record. */
export function tagDocument(doc: SourceDocument, tagger: BatchTagger, settings: TaskSettings): TaskOutcome {
  try {
    const result = withPageNumbers(tagger.tag(doc.text, { id: doc.id, ...(doc.pages ? { pages: doc.pages } : {}) }), doc.pages);
    return {
      ok: true,
      tagged: withText(toTaggedDocument(doc, result, settings.level), settings.emitText ? doc.text : undefined),
      sentenceCount: result.meta.sentenceCount,
      ...(settings.report ? { report: summariseForReport(doc, result) } : {}),
    };
  } catch (error) {
    const record = toErrorRecord(doc.path, error, doc.id);
    return { ok: false, error: doc.line === undefined ? record : { ...record, error: { ...record.error, line: doc.line } } };
  }
}

/** The record with the extracted text added, when asked for (offsets index into it). */
function withText(tagged: TaggedDocument, text: string | undefined): TaggedDocument {
  return text === undefined ? tagged : { ...tagged, record: { ...tagged.record, text } };
}
