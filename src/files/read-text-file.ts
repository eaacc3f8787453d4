/** Reads a UTF-8 text file, turning Node's errors into typed ones that name the file. */
import { readFile } from 'node:fs/promises';
import { DocumentError } from '../errors';

/** The file's text; DocumentError FILE_NOT_FOUND / FILE_UNREADABLE otherwise. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DocumentError('FILE_NOT_FOUND', 'no such file', { file, cause: error });
    throw new DocumentError('FILE_UNREADABLE', `cannot read file (${code ?? 'error'})`, { file, cause: error });
  }
}
