/** The review half of `train --add`: reading decisions, printing the gain, writing the reviewed units. */
import { readTextFile } from '../files/read-text-file';
import { createAtomicFile } from '../io/output/atomic-file';
import type { CorpusUnit } from '../corpus/schema';
import { decisionsToUnits, parseDecisions } from '../review/decisions';
import type { RetrainWithReviewedResult } from '../review/retrain';
import { signed } from '../eval/format-intervals';
import { UsageError, write, type CliIO } from './common';

/** Decisions of every file as reviewed corpus units (today's date where a decision has none). */
export async function readReviewed(files: readonly string[], themes: readonly string[], reviewer: string | undefined): Promise<CorpusUnit[]> {
  const date = new Date().toISOString().slice(0, 10);
  const units: CorpusUnit[] = [];
  for (const file of files) {
    const decisions = parseDecisions(await readTextFile(file), { file, themes });
    units.push(...decisionsToUnits(decisions, { date, ...(reviewer ? { reviewer } : {}) }));
  }
  return units;
}

/** Prints per-theme F1 before and after on the held-out reviewed units. */
export async function printGain(io: CliIO, result: RetrainWithReviewedResult, names: Readonly<Record<string, string>>, reviewed: number): Promise<void> {
  await write(
    io.stderr,
    `added ${reviewed} reviewed passages; learned from ${result.learned.length}, held out ${result.heldOut.length} to measure on:\n` +
      `  ${'theme'.padEnd(24)} F1 before  F1 after   (P / R after)\n`,
  );
  for (const after of result.after.perTheme) {
    const before = result.before.perTheme.find((t) => t.theme === after.theme)!;
    await write(io.stderr, `  ${(names[after.theme] ?? after.theme).padEnd(24)} ${before.f1.toFixed(3).padStart(9)}  ${after.f1.toFixed(3).padStart(8)}   (${after.precision.toFixed(3)} / ${after.recall.toFixed(3)})\n`);
  }
  await write(io.stderr, `  ${'macro F1'.padEnd(24)} ${result.before.macro.f1.toFixed(3).padStart(9)}  ${result.after.macro.f1.toFixed(3).padStart(8)}\n`);
  const gain = result.gain;
  if (gain) {
    const d = gain.macro.f1;
    await write(
      io.stderr,
      `  macro F1 gain ${signed(d.difference)}, 95% interval ${signed(d.low)} to ${signed(d.high)} (paired bootstrap over ${gain.clusters} held-out documents; ` +
        `after ahead in ${Math.round(d.aAhead * 100)}% of resamples${gain.clusters < 20 ? '; few documents, so a rough guide' : ''})\n`,
    );
  }
  await write(io.stderr, `the saved model learned from all ${reviewed} reviewed passages\n`);
}

/** Writes reviewed units as corpus JSON Lines (atomically). */
export async function writeUnits(path: string, units: readonly CorpusUnit[]): Promise<void> {
  const file = await createAtomicFile(path);
  await file.write(units.map((u) => JSON.stringify(u) + '\n').join(''));
  await file.commit();
}

/** A share flag between 0 and 1 (exclusive). */
export function fraction(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new UsageError(`--${flag} must be a number between 0 and 1 (got "${value}")`);
  return n;
}
