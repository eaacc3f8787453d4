/**
 * The batch IO surface (Node only): reading documents of every supported format,
 * expanding paths, the worker pool and runBatch (the `tag PATH...` command), the
 * output formatters and the HTML report. src/node.ts re-exports what it publishes.
 */
export { runBatch, BatchOptionsSchema, type BatchOptions, type BatchIO, type BatchRun } from './batch';
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
export { cleanupPdfPages, type CleanedPdfText, type PdfCleanupOptions } from './pdf-cleanup';
export { htmlToText } from './html-text';
export { maskMarkdown } from './markdown-text';
export { createOutputFormatter, type OutputFormat, type OutputFormatter } from './output';
export type { DocumentRecord, OutputLevel, SentenceRecord } from './output-records';
export { createAtomicFile, type AtomicFile } from './atomic-file';
export { startWorkerPool, type WorkerPool, type WorkerPoolOptions } from './pool';
export type { BatchTagger, BatchTask, TaskOutcome } from './tag-document';
export type { TaggerFactorySpec } from './worker-protocol';
export { createReportWriter, type ReportWriter } from './report-writer';
export { formatSummary, type BatchSummary } from './progress';
