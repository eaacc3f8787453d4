/**
 * Reading a file's bytes and decoding text, with every failure turned into a
 * DocumentError that names the file: missing, unreadable (permissions, a
 * directory, a broken symlink), empty, or binary where text was expected.
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import { DocumentError } from '../../errors';

/** Checks `path` is a readable regular file; DocumentError FILE_NOT_FOUND / FILE_UNREADABLE otherwise. */
export async function checkReadableFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw await describeStatError(path, error);
  }
  if (info.isDirectory()) throw new DocumentError('FILE_UNREADABLE', 'is a directory, not a file', { file: path });
  if (!info.isFile()) throw new DocumentError('FILE_UNREADABLE', 'is not a regular file', { file: path });
}

/** The whole file as bytes; DocumentError for a missing, unreadable or empty file. */
export async function readFileBytes(path: string): Promise<Buffer> {
  await checkReadableFile(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw await describeStatError(path, error);
  }
  if (bytes.length === 0) throw new DocumentError('DOCUMENT_EMPTY', 'file is empty (0 bytes)', { file: path });
  return bytes;
}

/**
 * Decodes text bytes: UTF-8 (BOM removed); bytes that are not valid UTF-8 are read
 * as Windows-1252, the usual encoding of older office exports. NUL bytes mean the
 * file is binary, not text: DOCUMENT_CORRUPT.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.includes(0)) throw new DocumentError('DOCUMENT_CORRUPT', 'contains NUL bytes: a binary file, not text', { file: path });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (Node's TextDecoder treats them as Latin-1).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return text;
}

/** Throws DOCUMENT_EMPTY when the text has no visible characters. */
export function requireText(text: string, path: string, what = 'file has no text'): string {
  if (!/\S/.test(text)) throw new DocumentError('DOCUMENT_EMPTY', what, { file: path });
  return text;
}

async function describeStatError(path: string, error: unknown): Promise<DocumentError> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    // A symlink whose target is gone exists but cannot be read.
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink()) return new DocumentError('FILE_UNREADABLE', 'broken symbolic link (its target does not exist)', { file: path, cause: error });
    return new DocumentError('FILE_NOT_FOUND', 'no such file', { file: path, cause: error });
  }
  if (code === 'EISDIR') return new DocumentError('FILE_UNREADABLE', 'is a directory, not a file', { file: path, cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new DocumentError('FILE_UNREADABLE', 'permission denied', { file: path, cause: error });
  if (code === 'ENOTDIR') return new DocumentError('FILE_NOT_FOUND', 'a parent of this path is not a directory', { file: path, cause: error });
  if (code === 'ELOOP') return new DocumentError('FILE_UNREADABLE', 'too many levels of symbolic links', { file: path, cause: error });
  return new DocumentError('FILE_UNREADABLE', `cannot read file (${code ?? String(error)})`, { file: path, cause: error });
}
