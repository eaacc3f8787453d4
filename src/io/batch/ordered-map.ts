/**
 * Ordered, bounded parallel map: items are pulled from the source only while
 * fewer than `maxInFlight` are pending, work runs concurrently, and results reach
 * the sink strictly in input order. A result that finishes early waits in the
 * pending window (at most maxInFlight of them), so memory stays bounded however
 * long the source is. Pure (no IO of its own).
 */

/** Options of mapOrdered. */
export interface OrderedMapOptions {
  /** Items started but not yet handed to the sink, at most. */
  readonly maxInFlight: number;
}

type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/**
 * Runs `work` over `source` with at most maxInFlight items pending and hands each
 * result to `sink` in input order (sink is awaited, so a slow writer slows intake).
 * A rejected work promise or sink call stops the run and rejects.
 */
export async function mapOrdered<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  work: (item: T) => Promise<R>,
  sink: (result: R, item: T) => Promise<void> | void,
  options: OrderedMapOptions,
): Promise<void> {
  const max = Math.max(1, Math.floor(options.maxInFlight));
  const pending: { item: T; settled: Promise<Settled<R>> }[] = [];
  const drainOne = async () => {
    const head = pending.shift()!;
    const settled = await head.settled;
    if (!settled.ok) throw settled.error;
    await sink(settled.value, head.item);
  };
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let finished = false;
  try {
    for (;;) {
      // Make room first, then pull: the source is never read ahead of the window.
      while (pending.length >= max) await drainOne();
      const next = await iterator.next();
      if (next.done) break;
      const item = next.value;
      // Settle eagerly so a rejection waiting in the window is never "unhandled".
      const settled = Promise.resolve()
        .then(() => work(item))
        .then(
          (value): Settled<R> => ({ ok: true, value }),
          (error: unknown): Settled<R> => ({ ok: false, error }),
        );
      pending.push({ item, settled });
    }
    while (pending.length) await drainOne();
    finished = true;
  } finally {
    // On failure, close the source (and the files it has open) instead of leaving it half read.
    if (!finished) await iterator.return?.();
  }
}
