/**
 * The records the CLI prints, one schema per kind, so every line of its output can
 * be validated (`schemas/*.schema.json` are generated from these):
 *
 * - document record: `tag` at document level (stdin, --jsonl, files): the result
 *   without its sentences, plus where the text came from when it came from a file;
 * - sentence record: `tag PATH --level sentence`, one per sentence with its document's id;
 * - error record: an input (file, record or JSON line) that could not be read or tagged;
 * - the tag result itself (`tag --level sentence` on stdin prints it whole);
 * - evaluation reports: `eval --format json` and `agreement --format json`.
 */
import { z } from 'zod';
import { AblationSchema, AgreementSchema, ComparisonSchema, CrossValidationSchema, TaggerEvaluationSchema } from './eval/report-schema';
import { resultShapes } from './result-schema';

const documentFormatSchema = z.enum(['pdf', 'docx', 'txt', 'md', 'html', 'jsonl', 'csv']);

/** A document-level output record (see module comment). */
export const DocumentRecordSchema = z.object({
  /** The input's id: the file path, the record's id column, `line-N`, or "stdin". */
  id: z.string(),
  /** The file the text came from (records read from files only). */
  path: z.string().optional(),
  format: documentFormatSchema.optional(),
  /** 1-based line of the record in a .jsonl/.csv file. */
  line: z.number().int().positive().optional(),
  /** Number of pages (PDF). */
  pages: z.number().int().nonnegative().optional(),
  /** The extracted text, with `--emit-text`: every evidence offset indexes into it. */
  text: z.string().optional(),
  themes: z.array(z.string()),
  scores: z.record(z.string(), resultShapes.unit),
  document: z.record(z.string(), resultShapes.documentTheme),
  meta: resultShapes.meta,
});

/** A sentence-level output record: a sentence's result with its document's id and path. */
export const SentenceRecordSchema = resultShapes.sentence.extend({
  /** The document's id. */
  id: z.string(),
  /** The file the document came from. */
  path: z.string(),
});

/** An error record: what could not be read or tagged, and why. */
export const ErrorRecordOutputSchema = z.object({
  /** The input's id; null for a JSON line whose id could not be read. */
  id: z.string().nullable(),
  /** The file, for inputs read from files. */
  path: z.string().optional(),
  /** 1-based line of a stdin JSON line. */
  line: z.number().int().positive().optional(),
  error: z.object({
    /** A stable error code (`ErrorCode`), or INTERNAL for an unexpected failure. */
    code: z.string(),
    message: z.string(),
    line: z.number().int().positive().optional(),
  }),
});

/** Any report `eval --format json` or `agreement --format json` prints. */
export const EvalReportSchema = z.union([TaggerEvaluationSchema, AblationSchema, CrossValidationSchema, AgreementSchema, ComparisonSchema]);

/** A document-level output record. */
export type DocumentRecordOutput = z.infer<typeof DocumentRecordSchema>;
/** A sentence-level output record. */
export type SentenceRecordOutput = z.infer<typeof SentenceRecordSchema>;
/** An error record as printed. */
export type ErrorRecordOutput = z.infer<typeof ErrorRecordOutputSchema>;
