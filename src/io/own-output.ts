/**
 * Re-running `tag DIR --out DIR/tags.jsonl` must not read the previous run's output
 * as an input. The --out file is skipped when a folder walk or a glob reached it
 * (not when it was named explicitly) and its first line shows practice-themes wrote
 * it; any other input file named by --out is still refused, never overwritten.
 */
import { open, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExpandedInput } from './expand-paths';

/** The inputs without the --out target when it is the output of an earlier run reached by a walk or glob. */
export async function withoutOwnOutput(inputs: readonly ExpandedInput[], args: readonly string[], out: string | undefined, cwd = process.cwd()): Promise<ExpandedInput[]> {
  if (out === undefined) return [...inputs];
  const real = (p: string) => realpath(resolve(cwd, p)).catch(() => resolve(cwd, p));
  const target = await real(out);
  const named = new Set(await Promise.all(args.map(real)));
  const kept: ExpandedInput[] = [];
  for (const input of inputs) {
    if (input.kind === 'file' && !named.has(target) && (await real(input.path)) === target && (await looksLikeOurOutput(target))) continue;
    kept.push(input);
  }
  return kept;
}

/** True when the file starts like a JSON Lines/JSON record or a CSV header that the batch output writes. */
async function looksLikeOurOutput(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const firstLine = head.split('\n')[0] ?? '';
    if (/^\[?\s*$/.test(firstLine) || firstLine.startsWith('{')) return /"id":/.test(head) && /"scores":\{/.test(head);
    return /^id,path,/.test(firstLine) && /,error\r?$/.test(firstLine);
  } finally {
    await handle.close();
  }
}
