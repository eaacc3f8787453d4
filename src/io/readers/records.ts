/**
 * Readers of files that hold many documents: JSON Lines (one object per line) and
 * CSV (a header row naming the columns). Each record needs an id and a text
 * field (names configurable). A bad line becomes an error record naming the file
 * and the line; the other lines still come through. Files are streamed.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { DocumentError, InputError } from '../../errors';
import { CsvParser, type CsvRow } from './csv-parser';
import type { ReadItem } from '../document';
import { createStreamDecoder, replacementWarning } from './decode';
import { checkReadableFile } from './file-access';

/** Names of the id and text fields of .jsonl/.csv records, and who hears decoding warnings. */
interface RecordReadOptions extends RecordColumns {
  readonly onWarning?: (message: string) => void;
}

/** The file's text in chunks, decoded by the one policy (BOM-aware, invalid UTF-8 replaced and reported once). */
async function* decodedChunks(path: string, onWarning?: (message: string) => void): AsyncGenerator<string> {
  const decoder = createStreamDecoder();
  for await (const chunk of createReadStream(path)) {
    const text = decoder.push(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
  if (decoder.replaced > 0) onWarning?.(replacementWarning(path, decoder));
}

/** Names of the id and text fields of .jsonl/.csv records. */
export interface RecordColumns {
  /** @default 'id' */
  readonly idColumn?: string;
  /** @default 'text' */
  readonly textColumn?: string;
}

/** Documents of a JSON Lines file, one per non-blank line. */
export async function* readJsonlRecords(path: string, columns: RecordReadOptions = {}): AsyncGenerator<ReadItem> {
  const idKey = columns.idColumn ?? 'id';
  const textKey = columns.textColumn ?? 'text';
  await checkReadableFile(path);
  const lines = createInterface({ input: Readable.from(decodedChunks(path, columns.onWarning)), crlfDelay: Infinity });
  let lineNo = 0;
  let records = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    records++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield lineError(path, lineNo, new DocumentError('DOCUMENT_CORRUPT', `invalid JSON: ${(error as Error).message}`, { file: path, line: lineNo }));
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield lineError(path, lineNo, new InputError('expected a JSON object per line', { file: path, line: lineNo }));
      continue;
    }
    const record = value as Record<string, unknown>;
    yield toDocument(path, lineNo, record[idKey], record[textKey], idKey, textKey, 'jsonl');
  }
  if (records === 0) throw new DocumentError('DOCUMENT_EMPTY', 'JSON Lines file has no records', { file: path });
}

/** Documents of a CSV file whose header row names an id and a text column. */
export async function* readCsvRecords(path: string, columns: RecordReadOptions & { readonly delimiter?: string } = {}): AsyncGenerator<ReadItem> {
  const idKey = columns.idColumn ?? 'id';
  const textKey = columns.textColumn ?? 'text';
  await checkReadableFile(path);
  const parser = new CsvParser(columns.delimiter ?? ',');
  let header: { names: readonly string[]; id: number; text: number } | undefined;
  let records = 0;
  const handle = function* (rows: CsvRow[]): Generator<ReadItem> {
    for (const row of rows) {
      if (!header) {
        header = parseHeader(path, row, idKey, textKey);
        continue;
      }
      records++;
      if (row.error) {
        yield lineError(path, row.line, new DocumentError('DOCUMENT_CORRUPT', `malformed CSV record: ${row.error}`, { file: path, line: row.line }));
      } else if (row.fields.length !== header.names.length) {
        const message = `expected ${header.names.length} fields as in the header, found ${row.fields.length}`;
        yield lineError(path, row.line, new DocumentError('DOCUMENT_CORRUPT', `malformed CSV record: ${message}`, { file: path, line: row.line }));
      } else {
        yield toDocument(path, row.line, row.fields[header.id], row.fields[header.text], idKey, textKey, 'csv');
      }
    }
  };
  for await (const text of decodedChunks(path, columns.onWarning)) yield* handle(parser.push(text));
  yield* handle(parser.end());
  if (!header) throw new DocumentError('DOCUMENT_EMPTY', 'CSV file is empty (no header row)', { file: path });
  if (records === 0) throw new DocumentError('DOCUMENT_EMPTY', 'CSV file has a header but no records', { file: path });
}

function parseHeader(path: string, row: CsvRow, idKey: string, textKey: string): { names: readonly string[]; id: number; text: number } {
  if (row.error) throw new DocumentError('DOCUMENT_CORRUPT', `malformed CSV header: ${row.error}`, { file: path, line: row.line });
  const names = row.fields.map((f) => f.trim());
  const find = (key: string) => {
    const exact = names.indexOf(key);
    return exact >= 0 ? exact : names.findIndex((n) => n.toLowerCase() === key.toLowerCase());
  };
  const id = find(idKey);
  const text = find(textKey);
  const missing = [id < 0 ? idKey : undefined, text < 0 ? textKey : undefined].filter(Boolean);
  if (missing.length) {
    throw new InputError(`CSV header has no ${missing.map((m) => JSON.stringify(m)).join(' or ')} column (columns: ${names.join(', ')})`, {
      file: path,
      line: row.line,
    });
  }
  return { names, id, text };
}

function toDocument(path: string, line: number, id: unknown, text: unknown, idKey: string, textKey: string, format: 'jsonl' | 'csv'): ReadItem {
  const idText = typeof id === 'number' && Number.isFinite(id) ? String(id) : id;
  if (typeof idText !== 'string' || idText.trim() === '') {
    return lineError(path, line, new InputError(`record has no ${JSON.stringify(idKey)} (a non-empty string or number)`, { file: path, line }));
  }
  if (typeof text !== 'string') {
    return lineError(path, line, new InputError(`record ${JSON.stringify(idText)} has no ${JSON.stringify(textKey)} string`, { file: path, line }), idText);
  }
  if (!/\S/.test(text)) {
    return lineError(path, line, new DocumentError('DOCUMENT_EMPTY', `record ${JSON.stringify(idText)} has empty text`, { file: path, line }), idText);
  }
  return { id: idText, path, format, text, line };
}

function lineError(path: string, line: number, error: DocumentError | InputError, id = `${path}:${line}`): ReadItem {
  return { id, path, error: { code: error.code, message: error.message, line } };
}
