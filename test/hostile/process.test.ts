/**
 * The process under stress (issue 11, items 1, 14, 15): a document that never
 * finishes tagging ends as a TIME_LIMIT error record instead of stalling the batch;
 * Ctrl-C removes temporary outputs and says how far it got; re-running with --out
 * inside the input folder works; a closed stdout ends the run quietly. The CLI
 * tests run the built dist/cli.js (`npm test` builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/io/batch/run-batch';
import { buildBatchWorker, harnessDir, writeFakeTagger } from '../fixtures/generate-batch-harness.mjs';
import { Capture } from './helpers';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const ROOT = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'hostile-process-'));
let harness: string;
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (harness) rmSync(harness, { recursive: true, force: true });
});

describe('item 1: per-document time limit in a batch', () => {
  let workerUrl: string;
  let taggerModule: string;
  beforeAll(async () => {
    harness = harnessDir('hostile-time-limit');
    workerUrl = await buildBatchWorker(harness);
    const fake = writeFakeTagger(harness);
    taggerModule = pathToFileURL(join(harness, 'hanging-tagger.mjs')).href;
    writeFileSync(
      join(harness, 'hanging-tagger.mjs'),
      `import { createFakeTagger } from ${JSON.stringify(fake)};
export async function loadHangingTagger() {
  const fake = createFakeTagger();
  return { themes: fake.themes, tag(text, options) { if (text.includes('HANG-FOREVER')) for (;;) {} return fake.tag(text, options); } };
}
`,
    );
  });

  it('a document that never finishes becomes a TIME_LIMIT record; the others are tagged, in order', async () => {
    const dir = join(work, 'hang');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'The home visit was recorded.\n');
    writeFileSync(join(dir, 'b.txt'), 'HANG-FOREVER on this visit.\n');
    writeFileSync(join(dir, 'c.txt'), 'The police visit was recorded.\n');
    const stdout = new Capture();
    const stderr = new Capture();
    const started = Date.now();
    const result = await runBatch(
      { paths: [dir], jobs: 1, workerUrl, tagger: { module: taggerModule, exportName: 'loadHangingTagger' }, timeLimitMs: 1_000 },
      { stdout, stderr },
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    const lines = stdout.text.trim().split('\n').map((l) => JSON.parse(l) as { path: string; error?: { code: string } });
    expect(lines.map((l) => `${l.path.slice(dir.length + 1)}:${l.error?.code ?? 'ok'}`)).toEqual(['a.txt:ok', 'b.txt:TIME_LIMIT', 'c.txt:ok']);
    expect(result.exitCode).toBe(1);
    expect(stderr.text).toMatch(/time limit/);
  });
});

describe('items 14 and 15: the built CLI and its process', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test builds first)');
  });

  it('Ctrl-C during a batch removes the temporary output, says how many files were done and exits 130', async () => {
    const input = join(work, 'many');
    const out = join(work, 'out');
    mkdirSync(input);
    mkdirSync(out);
    for (let i = 0; i < 400; i++) writeFileSync(join(input, `doc-${String(i).padStart(3, '0')}.txt`), 'The health visitor never asked what a day at home was like. '.repeat(40));
    const child = spawn(process.execPath, [CLI, 'tag', input, '--out', join(out, 'tags.jsonl'), '--jobs', '1'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    // Interrupt once the temporary output exists, i.e. mid-run.
    const deadline = Date.now() + 30_000;
    while (!readdirSync(out).some((f) => f.endsWith('.tmp')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect([code, signal]).toEqual([130, null]);
    expect(stderr).toMatch(/interrupted by SIGINT: \d+ of 400 file\(s\) done/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('re-running with --out inside the input folder reads the documents, not the previous output', () => {
    const dir = join(work, 'rerun');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'Nobody asked the child what life at home was like.\n');
    writeFileSync(join(dir, 'b.txt'), 'The GP was not told about the referral.\n');
    const run = () => spawnSync(process.execPath, [CLI, 'tag', dir, '--out', join(dir, 'tags.jsonl'), '--no-model', '--jobs', '1'], { cwd: ROOT, encoding: 'utf8' });
    const first = run();
    expect(first.status).toBe(0);
    const firstOut = readFileSync(join(dir, 'tags.jsonl'), 'utf8');
    const second = run();
    expect(second.stderr).not.toMatch(/refusing/);
    expect(second.status).toBe(0);
    expect(readFileSync(join(dir, 'tags.jsonl'), 'utf8')).toBe(firstOut);
    expect(firstOut.trim().split('\n')).toHaveLength(2);
  });

  it('tag --jsonl | head -1 ends quietly (exit 141, nothing on stderr) when the reader goes away', async () => {
    const lines = Array.from({ length: 3_000 }, (_, i) => JSON.stringify({ id: `u${i}`, text: 'The health visitor never asked what a day at home was like for the baby.' })).join('\n');
    const child = spawn(process.execPath, [CLI, 'tag', '--jsonl', '--no-model'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined); // the child may stop reading first
    child.stdin.end(lines);
    const exited = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy(); // like head -1 exiting after its line
    const [code, signal] = await exited;
    expect(stderr).not.toMatch(/EPIPE|unexpected error|\n\s+at /);
    expect([code, signal]).toEqual([141, null]);
  });
});
