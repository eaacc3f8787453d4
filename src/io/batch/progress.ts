/**
 * Progress and summary of a batch run, on stderr. The live line (files done of
 * total, rate, time left) is drawn only when stderr is a terminal; the summary at
 * the end is always written. Formatting functions are pure.
 */

import type { TerminalTextStream } from '../output/text-stream';

/** Counts of a finished (or running) batch. */
export interface BatchSummary {
  /** Input files (after expanding folders and globs), including ones that failed. */
  readonly files: number;
  /** Documents tagged (a .jsonl/.csv file gives one per record). */
  readonly documents: number;
  /** Pages of the paged documents (PDF) tagged. */
  readonly pages: number;
  readonly sentences: number;
  /** Error records written (files or records that could not be read or tagged). */
  readonly failures: number;
  /** Failures per error code. */
  readonly failuresByCode: Readonly<Record<string, number>>;
  /** Documents tagged with each theme, in the tagger's theme order. */
  readonly themes: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
  /** Files found in folders (or by globs) and skipped for their type, by extension. */
  readonly skipped?: Readonly<Record<string, number>>;
}

/** A stream that may be a terminal (process.stderr is). */
export type ProgressStream = TerminalTextStream;

/** Live progress line on a terminal; log() prints a line without garbling it. */
export interface Progress {
  /** Records that `filesDone` of the total are finished; redraws at most every 100 ms. */
  update(filesDone: number): void;
  /** Prints a whole line (an error) above the progress line. */
  log(line: string): void;
  /** Clears the progress line. */
  done(): void;
}

/** Options of createProgress. */
export interface ProgressOptions {
  /** Draw the live line. @default stream.isTTY */
  readonly live?: boolean;
  /** Clock (tests pass their own). @default Date.now */
  readonly now?: () => number;
  /** What is counted: files, or records when .jsonl/.csv files hold many documents. @default 'files' */
  readonly unit?: 'files' | 'records';
}

/** Creates the progress display for `total` files (no live line unless the stream is a TTY). */
export function createProgress(stream: ProgressStream, total: number, options: ProgressOptions = {}): Progress {
  const tty = options.live ?? stream.isTTY === true;
  const now = options.now ?? Date.now;
  const started = now();
  let filesDone = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let shown = false;
  const draw = (force: boolean) => {
    if (!tty) return;
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    const line = formatProgressLine(filesDone, total, t - started, options.unit);
    // Never wider than the terminal (a wrapped line could not be redrawn in place).
    const width = stream.columns && stream.columns > 20 ? stream.columns - 1 : 100;
    stream.write(`\r\x1b[2K${line.slice(0, width)}`);
    shown = true;
  };
  const clear = () => {
    if (tty && shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    update(done) {
      filesDone = done;
      draw(done === total);
    },
    log(line) {
      clear();
      stream.write(line.endsWith('\n') ? line : `${line}\n`);
      draw(true);
    },
    done: clear,
  };
}

/** "tagging: 12/300 files, 4.1 files/s, 1m 10s left". */
export function formatProgressLine(done: number, total: number, elapsedMs: number, unit: 'files' | 'records' = 'files'): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? formatDuration(((total - done) / rate) * 1000) : '?';
  return `tagging: ${done}/${total} ${unit}, ${rate.toFixed(1)} ${unit}/s, ${left} left`;
}

/** "850ms", "12.3s", "4m 05s", "1h 02m". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** The end-of-run summary: files, documents, pages, themes found, failures. */
export function formatSummary(summary: BatchSummary): string {
  const rate = summary.elapsedMs > 0 ? (summary.files * 1000) / summary.elapsedMs : 0;
  const lines = [
    `practice-themes: ${summary.files} file(s), ${summary.documents} document(s) tagged, ${summary.pages} page(s), ` +
      `${summary.sentences} sentence(s) in ${formatDuration(summary.elapsedMs)} (${rate.toFixed(1)} files/s)`,
  ];
  const themes = Object.entries(summary.themes);
  if (themes.length) {
    const width = Math.max(...themes.map(([t]) => t.length));
    lines.push('themes found (documents tagged):');
    for (const [theme, n] of themes) lines.push(`  ${theme.padEnd(width)}  ${n}`);
  }
  const codes = Object.entries(summary.failuresByCode)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  lines.push(summary.failures ? `failures: ${summary.failures} (${codes})` : 'failures: 0');
  const skipped = Object.entries(summary.skipped ?? {});
  if (skipped.length) {
    const total = skipped.reduce((sum, [, n]) => sum + n, 0);
    lines.push(`skipped: ${total} file(s) of unsupported types (${skipped.map(([ext, n]) => `${ext} ${n}`).join(', ')}); --unsupported error lists each one`);
  }
  return lines.join('\n') + '\n';
}
