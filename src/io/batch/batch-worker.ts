/**
 * A batch worker (worker_threads): loads the tagger once, then reads and tags the
 * tasks the pool sends, one at a time, and posts each outcome back. Built to
 * dist/batch-worker.js; the tagger comes from node.js beside it unless the pool
 * names another factory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isPracticeThemesError } from '../../errors';
import { toErrorRecord } from '../document';
import { runTask, type BatchTagger } from './tag-document';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-protocol';

async function loadTagger(setup: WorkerSetup): Promise<BatchTagger> {
  const spec = setup.tagger ?? { module: new URL('./node.js', import.meta.url).href };
  const exportName = spec.exportName ?? 'loadDefaultTagger';
  const mod = (await import(spec.module)) as Record<string, unknown>;
  const factory = mod[exportName];
  if (typeof factory !== 'function') throw new Error(`${spec.module} has no function export ${JSON.stringify(exportName)}`);
  const tagger = (await factory(...(spec.args ?? []))) as BatchTagger;
  if (!tagger || typeof tagger.tag !== 'function') throw new Error(`${exportName}() did not return a tagger`);
  return tagger;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('batch-worker must run in a worker thread');
  const setup = workerData as WorkerSetup;
  const post = (message: FromWorker) => port.postMessage(message);
  let tagger: BatchTagger;
  try {
    tagger = await loadTagger(setup);
  } catch (error) {
    const code = isPracticeThemesError(error) ? error.code : 'INTERNAL';
    post({ type: 'fatal', error: { code, message: error instanceof Error ? error.message : String(error) } });
    return;
  }
  // Tasks are handled strictly one after another: tagging is synchronous CPU work.
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(async () => {
      // A task posted ahead may have gone to a worker that went idle meanwhile.
      if (message.claim !== undefined && setup.claims && Atomics.compareExchange(setup.claims, message.claim, message.id + 1, 0) !== message.id + 1) return;
      try {
        post({ type: 'done', id: message.id, outcome: await runTask(message.task, tagger, setup) });
      } catch (error) {
        // Only an outcome that cannot be cloned gets here; the task still gets an answer.
        const path = message.task.kind === 'file' ? message.task.path : message.task.doc.path;
        post({ type: 'done', id: message.id, outcome: { ok: false, error: toErrorRecord(path, error) } });
      }
    });
  });
  post({ type: 'ready', themes: [...(tagger.themes ?? [])] });
}

void main();
