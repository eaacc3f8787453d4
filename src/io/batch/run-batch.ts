/**
 * runBatch: the `tag PATH...` command as a function. Expands the paths, starts the
 * worker pool, streams every document through it and writes the results in input
 * order (JSON Lines, CSV or JSON; document or sentence level), atomically when
 * writing to a file, with progress and a summary on stderr and an optional HTML
 * report. One bad file never stops the rest: it becomes an error record, a line
 * on stderr and exit code 1 at the end. The CLI only parses arguments and calls it.
 */
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import { z } from 'zod';
import { isPracticeThemesError, toIssues, InputError } from '../../errors';
import type { ErrorRecord } from '../document';
import { batchItems, type BatchItem } from './batch-tasks';
import { expandPaths, type ExpandedInput } from '../expand-paths';
import { countRecords } from '../readers/count-records';
import { setProgressNote } from '../interrupt-state';
import { withoutOwnOutput } from '../own-output';
import { formatOfPath, isMultiRecordFormat } from '../formats';
import { mapOrdered } from './ordered-map';
import { createOutputFormatter } from '../output/formatter';
import { assertOutputsAreNotInputs, fileSink, streamSink, type OutputSink } from '../output/output-sink';
import { startWorkerPool, type WorkerPool } from './pool';
import { createProgress, formatSummary, type BatchSummary, type Progress, type ProgressStream } from './progress';
import { createReportWriter, reportTitle, type ReportWriter } from '../report/report-writer';
import type { TaskOutcome } from './tag-document';
import type { WritableTextStream } from '../output/text-stream';

/** Options of runBatch (what `practice-themes tag` accepts). */
export const BatchOptionsSchema = z.object({
  /** Files, folders (recursive) and globs. */
  paths: z.array(z.string().min(1)).min(1, 'give at least one file, folder or glob'),
  /** Worker threads. @default os.availableParallelism() */
  jobs: z.number().int().positive().optional(),
  /** @default 'jsonl' */
  format: z.enum(['jsonl', 'csv', 'json']).default('jsonl'),
  /** @default 'document' */
  level: z.enum(['document', 'sentence']).default('document'),
  /** Output file (written atomically); stdout when absent. */
  out: z.string().min(1).optional(),
  /** HTML report file. */
  report: z.string().min(1).optional(),
  /** Names the HTML report shows for theme ids (a taxonomy's labels); ids stay in its tooltips. @default each id */
  themeLabels: z.record(z.string(), z.string().min(1)).optional(),
  /** Id and text field names of .jsonl/.csv records. @default 'id', 'text' */
  idColumn: z.string().min(1).optional(),
  textColumn: z.string().min(1).optional(),
  /** CSV input delimiter. @default ',' */
  csvDelimiter: z.string().length(1).optional(),
  /** Live progress line; @default true when stderr is a terminal */
  progress: z.boolean().optional(),
  /** Files of unsupported types in folders: 'skip' (counted on stderr) or 'error' (an error record each). @default 'skip' */
  unsupported: z.enum(['skip', 'error']).default('skip'),
  /** Add the extracted text to each document record (`text`), so evidence offsets can be checked. @default false */
  emitText: z.boolean().default(false),
  /** Tagger factory run in each worker. @default loadDefaultTagger of dist/node.js */
  tagger: z.object({ module: z.string(), exportName: z.string().optional(), args: z.array(z.unknown()).optional() }).optional(),
  /** Worker script. @default dist/batch-worker.js beside the running bundle */
  workerUrl: z.union([z.string(), z.custom<{ readonly href: string }>((v) => v instanceof URL, 'a URL')]).optional(),
  /** Documents in flight (being tagged or waiting for their turn to be written). @default 4 x jobs */
  maxInFlight: z.number().int().positive().optional(),
  /**
   * Longest one document may take to read and tag, in milliseconds; past it the
   * document becomes a TIME_LIMIT error record and the rest go on. `0` for no limit.
   * @default 120000 (DEFAULT_TIME_LIMIT_MS)
   */
  timeLimitMs: z.number().int().nonnegative().optional(),
});

/** Default per-document time limit of a batch: two minutes, about 100 times a long review's tagging time. */
export const DEFAULT_TIME_LIMIT_MS = 120_000;
/** Options of runBatch, as given. */
export type BatchOptions = z.input<typeof BatchOptionsSchema>;

/** The streams runBatch writes to. */
export interface BatchIO {
  readonly stdout: WritableTextStream;
  readonly stderr: ProgressStream;
}

/**
 * Exit code and counts of a run: 0 all tagged; 1 some input failed, or the rule
 * sets, model or output could not be used; 2 bad options or an unexpected failure.
 */
export interface BatchRun {
  readonly exitCode: 0 | 1 | 2;
  readonly summary: BatchSummary;
}

/** Runs batch tagging (see module comment). Never throws for bad input: see exitCode. */
export async function runBatch(options: BatchOptions, io: BatchIO): Promise<BatchRun> {
  const started = Date.now();
  const counts = { files: 0, documents: 0, pages: 0, sentences: 0, failures: 0 };
  const failuresByCode: Record<string, number> = {};
  const themeCounts: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  const summary = (): BatchSummary => ({ ...counts, failuresByCode, themes: themeCounts, elapsedMs: Date.now() - started, skipped });
  // Bad options are usage (2); a rule set, model or output that cannot be used is bad input (1), as on stdin.
  const fail = (error: unknown): BatchRun => {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    const usage = !isPracticeThemesError(error) || error.code === 'INVALID_OPTIONS';
    return { exitCode: usage ? 2 : 1, summary: summary() };
  };

  const parsed = BatchOptionsSchema.safeParse(options);
  if (!parsed.success) return fail(new InputError('invalid batch options', { code: 'INVALID_OPTIONS', issues: toIssues(parsed.error.issues) }));
  const opts = parsed.data;

  const onSkipped = (path: string) => {
    const extension = extname(path).toLowerCase() || '(none)';
    skipped[extension] = (skipped[extension] ?? 0) + 1;
  };
  const inputs = await withoutOwnOutput(await expandPaths(opts.paths, { unsupported: opts.unsupported, onSkipped }), opts.paths, opts.out);
  counts.files = inputs.length;
  const files = inputs.flatMap((i) => (i.kind === 'file' ? [i.path] : []));
  try {
    await assertOutputsAreNotInputs({ '--out': opts.out, '--report': opts.report }, files);
  } catch (error) {
    return fail(error);
  }

  // No more workers than files when every file is one document.
  const manyRecords = files.some((f) => {
    const format = formatOfPath(f);
    return format !== undefined && isMultiRecordFormat(format);
  });
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), manyRecords ? Infinity : Math.max(1, files.length)));
  let pool: WorkerPool | undefined;
  let sink: OutputSink | undefined;
  let report: ReportWriter | undefined;
  let progress: Progress | undefined;
  try {
    pool = await startWorkerPool({
      size: jobs,
      ...(opts.workerUrl ? { workerUrl: typeof opts.workerUrl === 'string' ? opts.workerUrl : new URL(opts.workerUrl.href) } : {}),
      setup: { level: opts.level, report: opts.report !== undefined, emitText: opts.emitText, ...(opts.tagger ? { tagger: opts.tagger } : {}) },
      timeLimitMs: opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    });
    const themes = pool.themes;
    for (const t of themes) themeCounts[t] = 0;
    const formatter = createOutputFormatter({ format: opts.format, level: opts.level, themes });
    sink = opts.out ? await fileSink(resolve(opts.out)) : streamSink(io.stdout);
    report = opts.report ? await createReportWriter(resolve(opts.report), { themes, title: reportTitle(opts.report), ...(opts.themeLabels ? { labels: opts.themeLabels } : {}) }) : undefined;
    // With .jsonl/.csv inputs, a live line counts records (files of one document count one each).
    const live = opts.progress ?? io.stderr.isTTY === true;
    const byRecord = live && manyRecords;
    const total = byRecord ? await countUnits(inputs) : inputs.length;
    progress = createProgress(io.stderr, total, { live, unit: byRecord ? 'records' : 'files' });

    await sink.write(formatter.begin());
    let filesDone = 0;
    setProgressNote(() => `${filesDone} of ${inputs.length} file(s) done${opts.out ? `, ${opts.out} not written` : ''}`);
    const runItem = (item: BatchItem): Promise<TaskOutcome> =>
      item.kind === 'error' ? Promise.resolve({ ok: false, error: item.record }) : pool!.run(item.task);
    const writeOutcome = async (outcome: TaskOutcome, item: BatchItem) => {
      for (const warning of outcome.warnings ?? []) progress!.log(warning);
      if (outcome.ok) {
        const record = outcome.tagged.record;
        counts.documents++;
        counts.pages += record.pages ?? 0;
        counts.sentences += outcome.sentenceCount;
        for (const t of record.themes) themeCounts[t] = (themeCounts[t] ?? 0) + 1;
        await sink!.write(formatter.document(outcome.tagged));
        if (report && outcome.report) await report.add(outcome.report);
      } else {
        noteFailure(outcome.error);
        await sink!.write(formatter.error(outcome.error));
        if (report) await report.add(outcome.error);
      }
      if (byRecord) progress?.update(++filesDone);
      else if (item.last) progress?.update(++filesDone);
    };
    const noteFailure = (record: ErrorRecord) => {
      counts.failures++;
      failuresByCode[record.error.code] = (failuresByCode[record.error.code] ?? 0) + 1;
      const line = `${record.error.message} [${record.error.code}]`;
      progress!.log(line);
    };
    const readOptions = { idColumn: opts.idColumn, textColumn: opts.textColumn, csvDelimiter: opts.csvDelimiter, onWarning: (w: string) => progress!.log(w) };
    await mapOrdered(batchItems(inputs, readOptions), runItem, writeOutcome, { maxInFlight: opts.maxInFlight ?? jobs * 4 });
    await sink.write(formatter.end());
    await sink.commit();
    await report?.commit();
    progress?.done();
    io.stderr.write(formatSummary(summary()));
    return { exitCode: counts.failures > 0 ? 1 : 0, summary: summary() };
  } catch (error) {
    progress?.done();
    await sink?.abort();
    await report?.abort();
    return fail(isPracticeThemesError(error) || error instanceof Error ? error : new Error(String(error)));
  } finally {
    setProgressNote(undefined);
    await pool?.close();
  }
}

/** Work units of the inputs: one per file, one per record of a .jsonl/.csv file. */
async function countUnits(inputs: readonly ExpandedInput[]): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    const format = input.kind === 'file' ? formatOfPath(input.path) : undefined;
    total += input.kind === 'file' && (format === 'jsonl' || format === 'csv') ? Math.max(1, await countRecords(input.path, format)) : 1;
  }
  return total;
}
