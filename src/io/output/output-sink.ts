/**
 * Where batch output goes: a stream (stdout) written with backpressure, or a file
 * written atomically. Also the guard that nothing is ever written over an input.
 */
import { once } from 'node:events';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../errors';
import { createAtomicFile } from './atomic-file';
import type { WritableTextStream } from './text-stream';

/** Text output that is either committed at the end or abandoned. */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** Finishes the output (renames the temporary file into place). */
  commit(): Promise<void>;
  /** Abandons the output (a file target is left untouched). */
  abort(): Promise<void>;
}

/** Writes to a stream, waiting for 'drain' when its buffer is full; a stream error (EPIPE) stops the run. */
export function streamSink(stream: WritableTextStream): OutputSink {
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure = error;
  };
  stream.on('error', onError);
  const detach = async () => void stream.removeListener('error', onError);
  return {
    async write(text) {
      if (failure) throw failure;
      if (text && !stream.write(text)) await once(stream as unknown as NodeJS.EventEmitter, 'drain');
    },
    commit: detach,
    abort: detach,
  };
}

/** An atomic file sink for `path`. */
export async function fileSink(path: string): Promise<OutputSink> {
  const file = await createAtomicFile(path);
  return { write: (t) => file.write(t), commit: () => file.commit(), abort: () => file.abort() };
}

/**
 * Refuses output targets that are one of the input files (after resolving
 * symlinks) or that are the same file twice. Throws InputError INVALID_OPTIONS.
 */
export async function assertOutputsAreNotInputs(outputs: Readonly<Record<string, string | undefined>>, inputs: readonly string[], cwd = process.cwd()): Promise<void> {
  const real = async (p: string) => realpath(resolve(cwd, p)).catch(() => resolve(cwd, p));
  const inputSet = new Map<string, string>();
  for (const input of inputs) inputSet.set(await real(input), input);
  const seen = new Map<string, string>();
  for (const [option, path] of Object.entries(outputs)) {
    if (!path) continue;
    const target = await real(path);
    const input = inputSet.get(target);
    if (input !== undefined) {
      throw new InputError(`${option} ${path} is one of the input files (${input}); refusing to write over an input`, { code: 'INVALID_OPTIONS' });
    }
    const other = seen.get(target);
    if (other) throw new InputError(`${option} and ${other} name the same file (${path})`, { code: 'INVALID_OPTIONS' });
    seen.set(target, option);
  }
}
