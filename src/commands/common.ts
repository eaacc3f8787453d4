/** What every CLI command shares: its streams, usage errors, exit codes. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, isPracticeThemesError } from '../errors';

/** Streams a command reads and writes; tests pass their own. */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Exit codes: 0 success, 1 bad input (some input could not be used), 2 bad usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Wrong flags or arguments: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs that throws UsageError instead of a TypeError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  allowPositionals = true,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: allowPositionals as true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Reads a whole stream as bytes; InputError INPUT_TOO_LARGE as soon as it passes
 * `maxBytes`, so a runaway pipe cannot exhaust memory.
 */
export async function readAllBytes(stream: NodeJS.ReadableStream, maxBytes = Infinity, name = '<stdin>'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxBytes) {
      throw new InputError(`input is larger than ${maxBytes.toLocaleString('en-GB')} bytes (raise the limit with --max-chars)`, { code: 'INPUT_TOO_LARGE', file: name });
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** Writes and waits for the stream to accept more, so large outputs stream without piling up in memory. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** One line for a failure: our errors print their message (no stack); others are bugs and keep the stack. */
export function describeError(error: unknown): string {
  if (isPracticeThemesError(error)) return error.message;
  if (error instanceof UsageError) return `practice-themes: ${error.message}`;
  return `practice-themes: unexpected error (please report it): ${(error as Error)?.stack ?? String(error)}`;
}

/** A choice flag's value checked against its allowed values. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** A positive integer flag. */
export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a whole number of 1 or more (got "${value}")`);
  return n;
}
