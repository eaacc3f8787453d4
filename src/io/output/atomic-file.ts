/**
 * Atomic file output: everything is written to a temporary file in the target's
 * own folder and renamed over the target only at commit(), so a reader never sees
 * half a file and a failed run leaves the old file as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DocumentError } from '../../errors';
import { trackTempFile, untrackTempFile } from '../interrupt-state';

/** A file being written; the target appears only at commit(). */
export interface AtomicFile {
  /** Path of the file written in the end. */
  readonly path: string;
  /** Path of the temporary file being written now. */
  readonly tempPath: string;
  /** Appends text (buffered; resolves once accepted). */
  write(text: string): Promise<void>;
  /** Flushes, syncs to disk and renames the temporary file onto the target. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is left untouched. */
  abort(): Promise<void>;
}

const FLUSH_AT = 64 * 1024;

/** A failed write (full disk, quota, I/O error) as a typed error naming the target. */
function writeError(path: string, error: unknown): DocumentError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EDQUOT' ? 'the disk quota is exceeded' : `write failed (${code ?? String(error)})`;
  return new DocumentError('FILE_UNWRITABLE', `cannot write output: ${why}; the previous file, if any, is unchanged`, { file: path, cause: error });
}

/** Opens a temporary file beside `path` for an atomic write. */
export async function createAtomicFile(path: string): Promise<AtomicFile> {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(tempPath, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DocumentError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', `cannot write output here (${code ?? String(error)}): the folder must exist and be writable`, {
      file: path,
      cause: error,
    });
  }
  trackTempFile(tempPath);
  let buffered: string[] = [];
  let size = 0;
  let done = false;
  const flush = async () => {
    if (!buffered.length) return;
    const chunk = buffered.join('');
    buffered = [];
    size = 0;
    await handle.write(chunk, null, 'utf8');
  };
  return {
    path,
    tempPath,
    async write(text) {
      if (done) throw new Error(`atomic file ${path} is already committed or aborted`);
      buffered.push(text);
      size += text.length;
      if (size >= FLUSH_AT) await flush().catch((error: unknown) => Promise.reject(writeError(path, error)));
    },
    async commit() {
      if (done) return;
      done = true;
      try {
        await flush();
        await handle.sync();
        await handle.close();
        await rename(tempPath, path);
        untrackTempFile(tempPath);
      } catch (error) {
        await handle.close().catch(() => undefined);
        await unlink(tempPath).catch(() => undefined);
        untrackTempFile(tempPath);
        throw writeError(path, error);
      }
    },
    async abort() {
      if (done) return;
      done = true;
      await handle.close().catch(() => undefined);
      await unlink(tempPath).catch(() => undefined);
      untrackTempFile(tempPath);
    },
  };
}
