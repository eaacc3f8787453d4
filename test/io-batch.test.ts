import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../src/io/batch/run-batch';
import { CsvParser } from '../src/io/readers/csv-parser';
import { buildBatchWorker, harnessDir, writeFakeTagger } from './fixtures/generate-batch-harness.mjs';
import { generateFixtures, type FixtureManifest } from './fixtures/generate-fixtures.mjs';

let harness: string;
let workerUrl: string;
let taggerModule: string;
let fx: FixtureManifest;
let work: string;

beforeAll(async () => {
  harness = harnessDir('io-batch');
  workerUrl = await buildBatchWorker(harness);
  taggerModule = writeFakeTagger(harness);
  work = mkdtempSync(join(tmpdir(), 'io-batch-'));
  fx = generateFixtures(join(work, 'archive'));
});
afterAll(() => {
  rmSync(harness, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

async function run(options: Partial<BatchOptions> & { paths: string[] }) {
  const stdout = new Capture();
  const stderr = new Capture();
  const result = await runBatch({ jobs: 2, workerUrl, tagger: { module: taggerModule }, ...options }, { stdout, stderr });
  return { ...result, stdout: stdout.text, stderr: stderr.text };
}

const BROKEN = ['blank.md', 'broken.docx', 'corrupt.pdf', 'dangling.pdf', 'empty.txt', 'encrypted.pdf', 'folder-named.pdf', 'scanned.pdf'];
const GOOD = ['briefing.pdf', 'review.docx', 'review.html', 'review.md', 'review.pdf', 'review.txt'];

describe('runBatch over a folder of mixed files, some broken', () => {
  let out: Awaited<ReturnType<typeof run>>;
  let lines: Record<string, any>[];
  beforeAll(async () => {
    out = await run({ paths: [fx.dir, join(work, 'nothing', '*.pdf')] });
    lines = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  });

  it('tags every good file and writes an error record for every bad one, in input order', () => {
    const byFile = lines.filter((l) => l.path !== join(fx.dir, 'records.csv') && l.path !== join(fx.dir, 'records.jsonl'));
    expect(byFile.map((l) => `${l.path.replace(`${fx.dir}/`, '')}:${l.error ? l.error.code : 'ok'}`)).toEqual([
      'blank.md:DOCUMENT_EMPTY',
      'briefing.pdf:ok',
      'broken.docx:DOCUMENT_CORRUPT',
      'corrupt.pdf:DOCUMENT_CORRUPT',
      'dangling.pdf:FILE_UNREADABLE',
      'empty.txt:DOCUMENT_EMPTY',
      'encrypted.pdf:PDF_ENCRYPTED',
      'folder-named.pdf:FILE_UNREADABLE',
      'review.docx:ok',
      'review.html:ok',
      'review.md:ok',
      'review.pdf:ok',
      'review.txt:ok',
      'scanned.pdf:PDF_NO_TEXT',
      `${join(work, 'nothing', '*.pdf')}:FILE_NOT_FOUND`,
    ]);
  });

  it('keeps records of .jsonl and .csv files in file order, bad lines as error records with their line', () => {
    const jsonl = lines.filter((l) => l.path === join(fx.dir, 'records.jsonl'));
    expect(jsonl).toHaveLength(fx.records + 2);
    expect(jsonl.filter((l) => l.error).map((l) => l.error.line)).toEqual([3, 4]);
    expect(jsonl.filter((l) => !l.error).map((l) => l.id)).toEqual(Array.from({ length: fx.records }, (_, i) => `rec-${i + 1}`));
  });

  it('gives PDF evidence its page number', () => {
    const pdf = lines.find((l) => l.path === fx.files.pdf)!;
    expect(pdf.pages).toBe(fx.pageCount);
    const evidence = Object.values(pdf.document as Record<string, { evidence: { page?: number }[] }>).flatMap((d) => d.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => Number.isInteger(e.page) && e.page! >= 1 && e.page! <= fx.pageCount)).toBe(true);
    expect(new Set(evidence.map((e) => e.page)).size).toBeGreaterThan(1);
  });

  it('prints one stderr line per failure and a summary, and exits 1', () => {
    expect(out.exitCode).toBe(1);
    for (const name of BROKEN) expect(out.stderr).toMatch(new RegExp(`${name}.*\\[[A-Z_]+\\]\\n`));
    expect(out.stderr).toContain('records.jsonl:3: invalid JSON');
    expect(out.stderr).toMatch(/practice-themes: 17 file\(s\), \d+ document\(s\) tagged, \d+ page\(s\)/);
    expect(out.stderr).toMatch(/themes found \(documents tagged\):\n {2}home-visits +\d+\n {2}record-keeping +\d+\n {2}agency-contact +\d+/);
    expect(out.stderr).toMatch(/failures: 12 \(/);
    expect(out.summary).toMatchObject({ files: 17, failures: 12, pages: fx.pageCount + 2 });
    expect(out.summary.documents).toBe(GOOD.length + 2 * fx.records + 1);
  });
});

describe('runBatch outputs', () => {
  it('writes CSV atomically to --out: one row per document with score, tag and share columns per theme', async () => {
    const target = join(work, 'out.csv');
    const result = await run({ paths: [fx.files.pdf, fx.files.encryptedPdf, fx.files.txt], out: target, format: 'csv' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    const parser = new CsvParser();
    const rows = [...parser.push(readFileSync(target, 'utf8')), ...parser.end()].map((r) => r.fields);
    expect(rows[0]).toEqual(['id', 'path', 'pages', 'sentences', 'home-visits_score', 'home-visits_tagged', 'home-visits_share', 'record-keeping_score', 'record-keeping_tagged', 'record-keeping_share', 'agency-contact_score', 'agency-contact_tagged', 'agency-contact_share', 'error']);
    expect(rows.map((r) => r[0])).toEqual(['id', fx.files.pdf, fx.files.encryptedPdf, fx.files.txt]);
    expect(rows[1]![2]).toBe(String(fx.pageCount));
    expect(rows[2]!.at(-1)).toMatch(/^PDF_ENCRYPTED: /);
    expect(readdirSync(work).filter((f) => f.includes('out.csv'))).toEqual(['out.csv']);
  });

  it('writes sentence-level JSON as one array with page numbers on PDF sentences', async () => {
    const result = await run({ paths: [fx.files.pdf], format: 'json', level: 'sentence' });
    expect(result.exitCode).toBe(0);
    const sentences = JSON.parse(result.stdout) as { id: string; page: number; start: number; end: number; text: string }[];
    expect(sentences.length).toBeGreaterThan(10);
    expect(sentences.every((s) => s.id === fx.files.pdf && s.page >= 1)).toBe(true);
    expect(sentences.at(-1)!.page).toBe(fx.pageCount);
  });

  it('refuses to write over an input and leaves it untouched (exit 2)', async () => {
    const before = readFileSync(fx.files.txt, 'utf8');
    const result = await run({ paths: [fx.dir], out: fx.files.txt });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/refusing to write over an input/);
    expect(readFileSync(fx.files.txt, 'utf8')).toBe(before);
    const report = await run({ paths: [fx.files.txt, fx.files.html], report: fx.files.html });
    expect(report.exitCode).toBe(2);
  });

  it('exits 0 when everything was tagged, and 2 with a message when the tagger cannot load', async () => {
    expect((await run({ paths: [fx.files.txt, fx.files.docx] })).exitCode).toBe(0);
    const broken = await run({ paths: [fx.files.txt], tagger: { module: taggerModule, exportName: 'loadBrokenTagger' } });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain('fake model file is damaged');
  });

  it('rejects invalid options with exit 2', async () => {
    const result = await run({ paths: [], format: 'xml' as never });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/paths|format/);
  });

  it('writes an HTML report next to the output, and no temporary files stay behind', async () => {
    const dir = mkdtempSync(join(work, 'report-'));
    const report = join(dir, 'report.html');
    const result = await run({ paths: [fx.dir], out: join(dir, 'out.jsonl'), report });
    expect(result.exitCode).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['out.jsonl', 'report.html']);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<mark');
    expect(html).toMatch(/p\.\u00a0[23]/);
    expect(html).toContain('PDF_ENCRYPTED');
    expect(existsSync(join(dir, '.report.html.sections'))).toBe(false);
  });

  it('takes custom id/text column names for record files', async () => {
    const file = join(work, 'custom.jsonl');
    writeFileSync(file, '{"key":"k1","body":"A home visit."}\n');
    const result = await run({ paths: [file], idColumn: 'key', textColumn: 'body' });
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'k1', themes: ['home-visits'], line: 1 });
  });
});
