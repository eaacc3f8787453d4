/**
 * Reads a text file (rule set, model, corpus) by the one decoding policy
 * (src/io/readers/decode.ts), turning Node's errors into typed ones that name the file.
 */
import { readFile } from 'node:fs/promises';
import { DocumentError } from '../errors';
import { decodeBytes, replacementWarning } from '../io/readers/decode';

/** Options of {@link readTextFile}. */
export interface ReadTextFileOptions {
  /**
   * Hears the warning for invalid byte sequences replaced with U+FFFD.
   * @default process.emitWarning (printed on stderr unless the process listens for warnings)
   */
  readonly onWarning?: (message: string) => void;
}

/** The file's text; DocumentError FILE_NOT_FOUND / FILE_UNREADABLE otherwise. */
export async function readTextFile(file: string, options: ReadTextFileOptions = {}): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DocumentError('FILE_NOT_FOUND', 'no such file', { file, cause: error });
    throw new DocumentError('FILE_UNREADABLE', `cannot read file (${code ?? 'error'})`, { file, cause: error });
  }
  const decoded = decodeBytes(bytes);
  if (decoded.replaced > 0) (options.onWarning ?? ((m: string) => process.emitWarning(m, 'PracticeThemesWarning')))(replacementWarning(file, decoded));
  return decoded.text;
}
