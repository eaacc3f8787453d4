/**
 * Messages between the batch pool (main thread) and its workers. Plain data, so
 * they pass through postMessage's structured clone unchanged.
 */
import type { BatchTask, TaskOutcome, TaskSettings } from './tag-document';

/**
 * Which function makes the tagger in each worker: `module` is a URL (or absolute
 * path) imported by the worker, `exportName` a function of it called with `args`
 * (structured-clonable) that returns a tagger or a promise of one.
 */
export interface TaggerFactorySpec {
  readonly module: string;
  /** @default 'loadDefaultTagger' */
  readonly exportName?: string;
  readonly args?: readonly unknown[];
}

/** workerData of a batch worker. */
export interface WorkerSetup extends TaskSettings {
  /** @default the project's loadDefaultTagger from node.js beside the worker script */
  readonly tagger?: TaggerFactorySpec;
  /**
   * Claim cells shared by the pool and its workers: a task posted ahead (behind a
   * running one) has a cell holding its `id + 1`. Whoever swaps it to 0 first owns
   * the task: the worker when it starts it, or the pool when it hands the task to a
   * worker that went idle. Set by the pool.
   */
  readonly claims?: Int32Array;
}

/** Main thread -> worker. `claim`: the task was posted ahead; its claim cell's index. */
export type ToWorker = { readonly type: 'task'; readonly id: number; readonly task: BatchTask; readonly claim?: number };

/** Worker -> main thread. */
export type FromWorker =
  | { readonly type: 'ready'; readonly themes: readonly string[] }
  | { readonly type: 'fatal'; readonly error: { readonly code: string; readonly message: string } }
  | { readonly type: 'done'; readonly id: number; readonly outcome: TaskOutcome };
