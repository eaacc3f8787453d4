/**
 * What the readers produce: a source document (text plus where it came from) or an
 * error record naming the file, the line and the reason. Both are plain data so
 * they cross worker_threads boundaries as they are.
 */
import { z } from 'zod';
import { isPracticeThemesError } from '../errors';

/** File formats the readers understand, by extension. */
export const DocumentFormatSchema = z.enum(['pdf', 'docx', 'txt', 'md', 'html', 'jsonl', 'csv']);
/** A supported file format. */
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

/** A page of a paged source: `text.slice(start, end)` is page `page` (1-based). */
export const PageSpanSchema = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** One page's span in the extracted text. */
export type PageSpan = z.infer<typeof PageSpanSchema>;

/** A document ready to tag. */
export const SourceDocumentSchema = z.object({
  /** File path for whole-file documents; the record's id for .jsonl/.csv records. */
  id: z.string(),
  /** The file the text came from, as given (relative paths stay relative). */
  path: z.string(),
  format: DocumentFormatSchema,
  text: z.string(),
  /** Page spans for paged formats (PDF), in page order. */
  pages: z.array(PageSpanSchema).optional(),
  /** 1-based line of the record in a .jsonl/.csv file. */
  line: z.number().int().positive().optional(),
  /** What reading had to fix (invalid UTF-8 replaced with U+FFFD), to show the user. */
  warnings: z.array(z.string()).optional(),
});
/** A document ready to tag. */
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

/** The error part of an error record: a stable code and a readable message. */
export const RecordErrorSchema = z.object({
  /** An ErrorCode from src/errors.ts, or INTERNAL for an unexpected failure. */
  code: z.string(),
  message: z.string(),
  line: z.number().int().positive().optional(),
});
/** The error part of an error record. */
export type RecordError = z.infer<typeof RecordErrorSchema>;

/** A document (or one record of a file) that could not be read or tagged. */
export const ErrorRecordSchema = z.object({
  id: z.string(),
  path: z.string(),
  error: RecordErrorSchema,
});
/** A document that could not be read or tagged. */
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;

/** What readDocuments yields: a document or an error record. */
export type ReadItem = SourceDocument | ErrorRecord;

/** True when a read item is an error record. */
export function isErrorRecord(item: object): item is ErrorRecord {
  return typeof (item as { error?: unknown }).error === 'object' && (item as { error?: unknown }).error !== null;
}

/** Turns any thrown value into an error record for `path` (typed errors keep their code and line). */
export function toErrorRecord(path: string, error: unknown, id: string = path): ErrorRecord {
  if (isPracticeThemesError(error)) {
    return { id, path, error: { code: error.code, message: error.message, ...(error.line ? { line: error.line } : {}) } };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { id, path, error: { code: 'INTERNAL', message: `practice-themes: ${path}: ${message}` } };
}
