import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerPool } from '../src/io/batch/pool';
import { runTask, tagDocument, type BatchTagger } from '../src/io/batch/tag-document';
import { buildBatchWorker, harnessDir, writeFakeTagger } from './fixtures/generate-batch-harness.mjs';

let harness: string;
let workerUrl: string;
let taggerModule: string;
let docs: string;

beforeAll(async () => {
  harness = harnessDir('io-pool');
  workerUrl = await buildBatchWorker(harness);
  taggerModule = writeFakeTagger(harness);
  docs = mkdtempSync(join(tmpdir(), 'io-pool-docs-'));
  const texts: Record<string, string> = {
    'a.txt': 'The home visit was missed. The records were lost.',
    'b.txt': 'SLOW-DOC. The school called the police.',
    'c.txt': 'Nothing here.',
    'throw.txt': 'THROW-TAGGER please.',
    'crash.txt': 'CRASH-WORKER now.',
    'd.txt': 'Another visit.',
  };
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(docs, name), text);
});
afterAll(() => {
  rmSync(harness, { recursive: true, force: true });
  rmSync(docs, { recursive: true, force: true });
});

const setup = () => ({ level: 'document' as const, report: false, tagger: { module: taggerModule } });

describe('worker pool', () => {
  it('loads the tagger in every worker and reports its themes', async () => {
    const pool = await startWorkerPool({ size: 2, workerUrl, setup: setup() });
    try {
      expect(pool.size).toBe(2);
      expect(pool.themes).toEqual(['home-visits', 'record-keeping', 'agency-contact']);
    } finally {
      await pool.close();
    }
  });

  it('tags files in parallel; a slow file does not hold up the others', async () => {
    const pool = await startWorkerPool({ size: 2, workerUrl, setup: setup() });
    try {
      const finished: string[] = [];
      await Promise.all(
        ['b.txt', 'a.txt', 'c.txt', 'd.txt'].map((name) =>
          pool.run({ kind: 'file', path: join(docs, name) }).then((outcome) => {
            expect(outcome.ok).toBe(true);
            finished.push(name);
          }),
        ),
      );
      // b.txt takes 300 ms; the other worker gets through the rest meanwhile.
      expect(finished.at(-1)).toBe('b.txt');
    } finally {
      await pool.close();
    }
  });

  it('isolates failures: a tagger error and a crashed worker fail only their own file', async () => {
    const pool = await startWorkerPool({ size: 2, workerUrl, setup: setup() });
    try {
      const outcomes = await Promise.all(['throw.txt', 'a.txt', 'crash.txt', 'c.txt', 'missing.txt', 'd.txt'].map((n) => pool.run({ kind: 'file', path: join(docs, n) })));
      expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.error.code))).toEqual(['INTERNAL', 'ok', 'INTERNAL', 'ok', 'FILE_NOT_FOUND', 'ok']);
      const crashed = outcomes[2]!;
      expect(!crashed.ok && crashed.error).toMatchObject({ path: join(docs, 'crash.txt'), error: { message: expect.stringContaining('worker') } });
      const thrown = outcomes[0]!;
      expect(!thrown.ok && thrown.error.error.message).toContain('asked to throw');
      // The pool replaced the crashed worker and keeps working.
      expect((await pool.run({ kind: 'file', path: join(docs, 'a.txt') })).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('fails to start with a typed error when the tagger cannot be loaded', async () => {
    await expect(startWorkerPool({ size: 2, workerUrl, setup: { ...setup(), tagger: { module: taggerModule, exportName: 'loadBrokenTagger' } } })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      message: expect.stringContaining('fake model file is damaged'),
    });
    await expect(startWorkerPool({ size: 1, workerUrl, setup: { ...setup(), tagger: { module: taggerModule, exportName: 'noSuchExport' } } })).rejects.toThrow(/noSuchExport/);
  });
});

describe('runTask / tagDocument (in process)', () => {
  let tagger: BatchTagger;
  beforeAll(async () => {
    const mod = (await import(taggerModule)) as { createFakeTagger: () => BatchTagger };
    tagger = mod.createFakeTagger();
  });

  it('reads, tags and builds output records, sentences only at sentence level', async () => {
    const doc = await runTask({ kind: 'file', path: join(docs, 'a.txt') }, tagger, { level: 'sentence', report: true });
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    expect(doc.tagged.record).toMatchObject({ id: join(docs, 'a.txt'), format: 'txt', themes: ['home-visits', 'record-keeping'] });
    expect(doc.tagged.sentences).toHaveLength(2);
    expect(doc.report?.sentences.map((s) => s.themes)).toEqual([['home-visits'], ['record-keeping']]);
    const plain = tagDocument({ id: 'x', path: 'x.txt', format: 'txt', text: 'A visit.' }, tagger, { level: 'document', report: false });
    expect(plain.ok && plain.tagged.sentences).toBeUndefined();
    expect(plain.ok && plain.report).toBeUndefined();
  });

  it('gives a record that fails to tag its line number', () => {
    const outcome = tagDocument({ id: 'r7', path: 'records.jsonl', format: 'jsonl', text: 'THROW-TAGGER', line: 7 }, tagger, { level: 'document', report: false });
    expect(outcome).toMatchObject({ ok: false, error: { id: 'r7', path: 'records.jsonl', error: { code: 'INTERNAL', line: 7 } } });
  });
});
