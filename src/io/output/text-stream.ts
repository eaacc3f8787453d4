/**
 * The part of a Node writable stream that batch output and progress use, typed
 * structurally so the public declarations need no @types/node (process.stdout and
 * process.stderr fit, and so does any object with these methods).
 */

/** A stream that text is written to (process.stdout fits). */
export interface WritableTextStream {
  /** Writes text; false when the caller should wait for 'drain'. */
  write(chunk: string): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** A stream that may be a terminal (process.stderr fits). */
export interface TerminalTextStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}
