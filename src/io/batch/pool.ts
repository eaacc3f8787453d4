/**
 * A pool of batch workers (worker_threads). Each worker loads the tagger once and
 * handles one task at a time, with the next one already posted to it, so it never
 * waits for the main thread between tasks; run() queues a task and resolves with
 * its outcome. A worker that dies takes only its current task with it (an INTERNAL
 * error record; the task waiting behind it goes back to the queue) and is replaced.
 * A worker that cannot load the tagger fails start().
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
  /** Index of its claim cell while it waits in a worker behind another task. */
  claim?: number;
  readonly task: BatchTask;
  readonly resolve: (outcome: TaskOutcome) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks posted to the worker, in order: the first is running, the rest wait in its message queue. */
  jobs: Job[];
  /** The time limit of the running task. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Tasks posted to a worker at once: the running one and the next. */
const TASKS_PER_WORKER = 2;

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
  // At most TASKS_PER_WORKER tasks are posted to each worker, so this many cells always leave one free.
  const claims = new Int32Array(new SharedArrayBuffer(4 * (TASKS_PER_WORKER * size + 1)));

  const spawn = (): Promise<Slot> =>
    new Promise((resolveReady, rejectReady) => {
      const worker = new Worker(url, { workerData: { ...options.setup, claims } satisfies WorkerSetup });
      started.add(worker);
      const slot: Slot = { worker, jobs: [], timer: undefined };
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
        } else if (message.type === 'done' && slot.jobs[0]?.id === message.id) {
          const job = slot.jobs.shift()!;
          clearTimeout(slot.timer);
          // The worker goes straight on to the next task it holds; its time starts now.
          startTimer(slot);
          job.resolve(message.outcome);
          dispatch();
        }
      });
      const died = (reason: string) => {
        if (!ready) {
          rejectReady(new PracticeThemesError('INVALID_OPTIONS', `batch worker failed to start: ${reason}`));
          return;
        }
        const [job, ...waiting] = slot.jobs;
        slot.jobs = [];
        clearTimeout(slot.timer);
        if (job) job.resolve(crashOutcome(job.task, reason));
        replace(slot);
        requeue(waiting);
      };
      worker.on('error', (error) => died(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
      worker.on('exit', (code) => {
        started.delete(worker);
        if (!closed && (slot.jobs.length > 0 || !ready)) died(`worker exited with code ${code}`);
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

  /** Tasks a stopped worker held but had not started go back to the front of the queue, in order. */
  const requeue = (waiting: readonly Job[]) => {
    // Their worker is gone, so their claim cells are free again.
    for (const job of waiting) if (job.claim !== undefined) Atomics.store(claims, job.claim, 0);
    queue.unshift(...waiting);
    dispatch();
  };

  const timeLimit = options.timeLimitMs ?? 0;
  const startTimer = (slot: Slot) => {
    const job = slot.jobs[0];
    if (job && timeLimit > 0) slot.timer = setTimeout(() => overTime(slot, job), timeLimit);
  };
  const overTime = (slot: Slot, job: Job) => {
    if (slot.jobs[0] !== job) return;
    const waiting = slot.jobs.slice(1);
    slot.jobs = [];
    job.resolve(timeLimitOutcome(job.task, timeLimit));
    // Tagging is synchronous, so the only way to stop it is to stop its thread.
    started.delete(slot.worker);
    void slot.worker.terminate();
    replace(slot);
    requeue(waiting);
  };

  const post = (slot: Slot, job: Job) => {
    job.claim = undefined;
    if (slot.jobs.length > 0) {
      // A free cell is one at 0 that no posted task still names (its worker may not have claimed it yet).
      const named = new Set(slots.flatMap((s) => s.jobs.map((j) => j.claim)));
      job.claim = claims.findIndex((value, i) => value === 0 && !named.has(i));
      Atomics.store(claims, job.claim, job.id + 1);
    } else startTimer(slot);
    slot.jobs.push(job);
    slot.worker.postMessage({ type: 'task', id: job.id, task: job.task, ...(job.claim === undefined ? {} : { claim: job.claim }) } satisfies ToWorker);
  };
  /** Takes back a task waiting behind a slow one, unless its worker has already started it. */
  const steal = (): Job | undefined => {
    for (const slot of slots) {
      const job = slot.jobs[slot.jobs.length - 1];
      if (slot.jobs.length > 1 && job?.claim !== undefined && Atomics.compareExchange(claims, job.claim, job.id + 1, 0) === job.id + 1) {
        slot.jobs.pop();
        return job;
      }
    }
    return undefined;
  };

  // Fill the workers level by level (each gets a running task before any gets a second), so work
  // spreads evenly; a worker left idle with the queue empty takes a task waiting behind a slow one.
  const dispatch = () => {
    for (const slot of slots) {
      if (slot.jobs.length > 0) continue;
      const job = queue.shift() ?? steal();
      if (job) post(slot, job);
    }
    for (let depth = 2; depth <= TASKS_PER_WORKER; depth++) {
      for (const slot of slots) {
        if (slot.jobs.length >= depth) continue;
        const job = queue.shift();
        if (!job) return;
        post(slot, job);
      }
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
