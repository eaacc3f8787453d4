/** Which file extensions the batch readers accept, and what format each one is. */
import { extname } from 'node:path';
import type { DocumentFormat } from './document';

const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
};

/** Extensions (lower case, with the dot) that folders and globs pick up. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** The format of a path by its extension (case-insensitive), or undefined when unsupported. */
export function formatOfPath(path: string): DocumentFormat | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

/** True for formats whose files hold many records (one document per record). */
export function isMultiRecordFormat(format: DocumentFormat): boolean {
  return format === 'jsonl' || format === 'csv';
}
