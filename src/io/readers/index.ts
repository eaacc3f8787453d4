/**
 * readDocument / readDocuments: the one entry to every reader. Single-document
 * formats give one document per file; .jsonl and .csv give one per record.
 * readDocuments never throws for a bad document: it yields an error record.
 */
import { DocumentError } from '../../errors';
import { toErrorRecord, type ReadItem, type SourceDocument } from '../document';
import { formatOfPath, isMultiRecordFormat, SUPPORTED_EXTENSIONS } from '../formats';
import { readCsvRecords, readJsonlRecords, type RecordColumns } from './records';
import { readSingleFile } from './single';

/** Options of the readers. */
export interface ReadOptions extends RecordColumns {
  /** CSV field delimiter. @default ',' */
  readonly csvDelimiter?: string;
  /** Hears decoding warnings (invalid UTF-8 replaced with U+FFFD) of .jsonl/.csv files. */
  readonly onWarning?: (message: string) => void;
}

/**
 * Reads a single-document file (.pdf, .docx, .txt, .md, .html).
 * Throws DocumentError (FILE_NOT_FOUND, FILE_UNREADABLE, UNSUPPORTED_FORMAT, PDF_ENCRYPTED,
 * PDF_NO_TEXT, DOCUMENT_CORRUPT, DOCUMENT_EMPTY).
 */
export async function readDocument(path: string): Promise<SourceDocument> {
  const format = requireFormat(path);
  const warnings: string[] = [];
  const { text, pages } = await readSingleFile(path, format, (w) => warnings.push(w));
  return { id: path, path, format, text, ...(pages ? { pages } : {}), ...(warnings.length ? { warnings } : {}) };
}

/** Documents of any supported file, in file order, with error records for what cannot be read. */
export async function* readDocuments(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  let format;
  try {
    format = requireFormat(path);
  } catch (error) {
    yield toErrorRecord(path, error);
    return;
  }
  if (!isMultiRecordFormat(format)) {
    try {
      yield await readDocument(path);
    } catch (error) {
      yield toErrorRecord(path, error);
    }
    return;
  }
  const records = format === 'jsonl' ? readJsonlRecords(path, options) : readCsvRecords(path, { ...options, delimiter: options.csvDelimiter });
  // Single documents carry their decoding warnings; record files report theirs once, here.
  try {
    yield* records;
  } catch (error) {
    // A whole-file failure (missing, empty, no header) after any good records.
    yield toErrorRecord(path, error);
  }
}

function requireFormat(path: string) {
  const format = formatOfPath(path);
  if (!format) {
    throw new DocumentError('UNSUPPORTED_FORMAT', `unsupported file type (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`, { file: path });
  }
  return format;
}
