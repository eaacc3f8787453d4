import { describe, expect, it } from 'vitest';
import { mapOrdered } from '../src/io/batch/ordered-map';

/** A promise resolved by hand, to finish work items in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('mapOrdered', () => {
  it('hands results to the sink in input order even when work finishes in reverse', async () => {
    const gates = Array.from({ length: 5 }, () => deferred<string>());
    const written: string[] = [];
    const run = mapOrdered([0, 1, 2, 3, 4], (i) => gates[i]!.promise, (r) => void written.push(r), { maxInFlight: 5 });
    for (const i of [4, 3, 2, 1]) {
      gates[i]!.resolve(`r${i}`);
      await tick();
      expect(written).toEqual([]);
    }
    gates[0]!.resolve('r0');
    await run;
    expect(written).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('never has more than maxInFlight items pending and pulls the source lazily', async () => {
    let pulled = 0;
    let active = 0;
    let peak = 0;
    async function* source() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield i;
      }
    }
    const seen: number[] = [];
    await mapOrdered(
      source(),
      async (i) => {
        active++;
        peak = Math.max(peak, active);
        expect(pulled - seen.length).toBeLessThanOrEqual(3);
        await new Promise((r) => setTimeout(r, (i * 7) % 3));
        active--;
        return i;
      },
      (r) => void seen.push(r),
      { maxInFlight: 3 },
    );
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it('waits for a slow sink before taking more work (backpressure)', async () => {
    const sinkGate = deferred<void>();
    let started = 0;
    const run = mapOrdered(
      [1, 2, 3, 4, 5, 6],
      async (i) => {
        started++;
        return i;
      },
      (i) => (i === 1 ? sinkGate.promise : undefined),
      { maxInFlight: 2 },
    );
    for (let i = 0; i < 5; i++) await tick();
    expect(started).toBe(2);
    sinkGate.resolve();
    await run;
    expect(started).toBe(6);
  });

  it('rejects with the first failure in input order, without unhandled rejections', async () => {
    const failing = mapOrdered([1, 2, 3], async (i) => {
      if (i >= 2) throw new Error(`failed ${i}`);
      return i;
    }, () => undefined, { maxInFlight: 3 });
    await expect(failing).rejects.toThrow('failed 2');
  });
});
