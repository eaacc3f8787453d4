/**
 * Reading a file's bytes and decoding text, with every failure turned into a
 * DocumentError that names the file: missing, unreadable (permissions, a
 * directory, a broken symlink), empty, or binary where text was expected.
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import { DocumentError } from '../../errors';
import { decodeTextInput } from './decode';

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
 * Decodes a text file's bytes by the one decoding policy (src/io/readers/decode.ts):
 * BOM-aware UTF-8/UTF-16, invalid sequences replaced and reported to `warn`, binary
 * data refused with DOCUMENT_CORRUPT.
 */
export function decodeText(bytes: Uint8Array, path: string, warn?: (message: string) => void): string {
  return decodeTextInput(bytes, path, warn);
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
