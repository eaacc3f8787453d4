/**
 * A pool of batch workers (worker_threads). Each worker loads the tagger once and
 * handles one task at a time; run() queues a task and resolves with its outcome.
 * A worker that dies takes only its current task with it (an INTERNAL error
 * record) and is replaced. A worker that cannot load the tagger fails start().
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DocumentError, PracticeThemesError, type ErrorCode } from '../../errors';
import type { BatchTask, TaskOutcome } from './tag-document';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol';

/** Options of startWorkerPool. */
export interface WorkerPoolOptions {
  /** Number of workers. @default os.availableParallelism() */
  readonly size?: number;
  /** The worker script. @default batch-worker.js beside the module that bundles this file (dist/) */
  readonly workerUrl?: URL | string;
  readonly setup: WorkerSetup;
  /**
   * Longest a worker may spend on one task, in milliseconds. A task over it ends as
   * a TIME_LIMIT error record and its worker is replaced, so one pathological
   * document cannot stall the batch. `0` for no limit.
   * @default 0
   */
  readonly timeLimitMs?: number;
}

/** A running pool. */
export interface WorkerPool {
  /** Theme ids of the tagger the workers loaded. */
  readonly themes: readonly string[];
  readonly size: number;
  /** Queues a task; resolves with its outcome (never rejects for a bad document). */
  run(task: BatchTask): Promise<TaskOutcome>;
  /** Stops every worker. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly task: BatchTask;
  readonly resolve: (outcome: TaskOutcome) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The default worker script: dist/batch-worker.js next to the bundle this code is in. */
export function defaultWorkerUrl(): URL {
  // import.meta.url is empty in a CommonJS bundle; __filename is defined there instead.
  const here = import.meta.url || pathToFileURL(__filename).href;
  return new URL('./batch-worker.js', here);
}

/** Starts `size` workers and waits until each has loaded its tagger. */
export async function startWorkerPool(options: WorkerPoolOptions): Promise<WorkerPool> {
  const size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
  // Worker wants a URL object (or a path) rather than a file:// string.
  const given = options.workerUrl ?? defaultWorkerUrl();
  const url = typeof given === 'string' && /^file:/.test(given) ? new URL(given) : given;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  const started = new Set<Worker>();
  let nextId = 0;
  let closed = false;
  let themes: readonly string[] = [];

  const spawn = (): Promise<Slot> =>
    new Promise((resolveReady, rejectReady) => {
      const worker = new Worker(url, { workerData: options.setup });
      started.add(worker);
      const slot: Slot = { worker, job: undefined, timer: undefined };
      let ready = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          themes = message.themes;
          resolveReady(slot);
        } else if (message.type === 'fatal') {
          // Keep the cause's code (a bad rule set is INVALID_RULE_SET here as on stdin).
          rejectReady(new PracticeThemesError(knownCode(message.error.code), `batch worker could not load the tagger: ${message.error.message}`));
          void worker.terminate();
        } else if (message.type === 'done' && slot.job?.id === message.id) {
          const job = slot.job;
          slot.job = undefined;
          clearTimeout(slot.timer);
          job.resolve(message.outcome);
          dispatch();
        }
      });
      const died = (reason: string) => {
        if (!ready) {
          rejectReady(new PracticeThemesError('INVALID_OPTIONS', `batch worker failed to start: ${reason}`));
          return;
        }
        const job = slot.job;
        slot.job = undefined;
        clearTimeout(slot.timer);
        if (job) job.resolve(crashOutcome(job.task, reason));
        replace(slot);
      };
      worker.on('error', (error) => died(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
      worker.on('exit', (code) => {
        started.delete(worker);
        if (!closed && (slot.job || !ready)) died(`worker exited with code ${code}`);
      });
    });

  /** Takes a slot out of service and starts a fresh worker; if even that fails, queued jobs fail rather than hang. */
  const replace = (slot: Slot) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    if (closed) return;
    spawn().then(
      (fresh) => {
        slots.push(fresh);
        dispatch();
      },
      (error: Error) => {
        if (slots.length === 0) for (const waiting of queue.splice(0)) waiting.resolve(crashOutcome(waiting.task, error.message));
      },
    );
  };

  const timeLimit = options.timeLimitMs ?? 0;
  const overTime = (slot: Slot, job: Job) => {
    if (slot.job !== job) return;
    slot.job = undefined;
    job.resolve(timeLimitOutcome(job.task, timeLimit));
    // Tagging is synchronous, so the only way to stop it is to stop its thread.
    started.delete(slot.worker);
    void slot.worker.terminate();
    replace(slot);
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      if (timeLimit > 0) slot.timer = setTimeout(() => overTime(slot, job), timeLimit);
      slot.worker.postMessage({ type: 'task', id: job.id, task: job.task } satisfies ToWorker);
    }
  };

  try {
    slots.push(...(await Promise.all(Array.from({ length: size }, spawn))));
  } catch (error) {
    closed = true;
    await Promise.all([...started].map((w) => w.terminate()));
    throw error;
  }

  return {
    get themes() {
      return themes;
    },
    size,
    run(task) {
      if (closed) return Promise.reject(new PracticeThemesError('INVALID_OPTIONS', 'the worker pool is closed'));
      return new Promise<TaskOutcome>((resolve) => {
        queue.push({ id: nextId++, task, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) clearTimeout(slot.timer);
      await Promise.all([...started].map((w) => w.terminate()));
    },
  };
}

function timeLimitOutcome(task: BatchTask, limitMs: number): TaskOutcome {
  const path = task.kind === 'file' ? task.path : task.doc.path;
  const id = task.kind === 'file' ? task.path : task.doc.id;
  const error = new DocumentError('TIME_LIMIT', `tagging took longer than the ${limitMs / 1000} s per-document time limit (--time-limit); skipped`, { file: path });
  const line = task.kind === 'document' ? task.doc.line : undefined;
  return { ok: false, error: { id, path, error: { code: error.code, message: error.message, ...(line ? { line } : {}) } } };
}

function crashOutcome(task: BatchTask, reason: string): TaskOutcome {
  const path = task.kind === 'file' ? task.path : task.doc.path;
  const id = task.kind === 'file' ? task.path : task.doc.id;
  return { ok: false, error: { id, path, error: { code: 'INTERNAL', message: `practice-themes: ${path}: the worker tagging it stopped (${reason})` } } };
}

function knownCode(code: string): ErrorCode {
  return code === 'INTERNAL' || code === '' ? 'INVALID_OPTIONS' : (code as ErrorCode);
}
