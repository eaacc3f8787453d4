/**
 * The batch IO surface (Node only): reading documents of every supported format,
 * expanding paths, the worker pool and runBatch (the `tag PATH...` command), the
 * output formatters and the HTML report. src/node.ts re-exports what it publishes.
 *
 * Layout: readers/ turns one file into documents (PDF, Word, HTML, Markdown, text,
 * CSV/JSONL records); batch/ runs a tag over many files (worker pool, task dispatch,
 * progress, ordered results); output/ writes records (JSONL/JSON/CSV formatter,
 * sinks, atomic files); report/ builds the HTML report. Here: the document types,
 * file formats, path expansion and interrupt state that all of them share.
 */
export { runBatch, BatchOptionsSchema, type BatchOptions, type BatchIO, type BatchRun } from './batch/run-batch';
export { readDocument, readDocuments, type ReadOptions } from './readers/index';
export { expandPaths, type ExpandedInput, type ExpandOptions } from './expand-paths';
export {
  DocumentFormatSchema,
  ErrorRecordSchema,
  PageSpanSchema,
  SourceDocumentSchema,
  isErrorRecord,
  type DocumentFormat,
  type ErrorRecord,
  type PageSpan,
  type ReadItem,
  type SourceDocument,
} from './document';
export { SUPPORTED_EXTENSIONS, formatOfPath } from './formats';
export { cleanupPdfPages, type CleanedPdfText, type PdfCleanupOptions } from './readers/pdf-cleanup';
export { htmlToText } from './readers/html-text';
export { maskMarkdown } from './readers/markdown-text';
export { createOutputFormatter, type OutputFormat, type OutputFormatter } from './output/formatter';
export type { DocumentRecord, OutputLevel, SentenceRecord } from './output/output-records';
export { createAtomicFile, type AtomicFile } from './output/atomic-file';
export { startWorkerPool, type WorkerPool, type WorkerPoolOptions } from './batch/pool';
export type { BatchTagger, BatchTask, TaskOutcome } from './batch/tag-document';
export type { TaggerFactorySpec } from './batch/worker-protocol';
export { createReportWriter, type ReportWriter } from './report/report-writer';
export { formatSummary, type BatchSummary } from './batch/progress';
