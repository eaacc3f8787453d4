// practice-themes review as a user runs it (built CLI): CSV, JSONL and HTML queues,
// taxonomy names in the header, a bad file reported without losing the rest.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../src/io/readers/csv-parser';

const ROOT = new URL('..', import.meta.url).pathname;
const run = (args: readonly string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'pt-review-cli-'));
const archive = join(dir, 'archive');
const model = join(dir, 'model.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(archive);
  const lines = readFileSync(join(ROOT, 'test/fixtures/mini-corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string });
  // Three "case files" of corpus sentences, and one unreadable file.
  for (let f = 0; f < 3; f++) writeFileSync(join(archive, `case-${f}.txt`), lines.filter((_, i) => i % 3 === f).map((l) => l.text).join('\n\n'));
  writeFileSync(join(archive, 'broken.pdf'), 'not a pdf');
  const r = run(['train', 'test/fixtures/mini-corpus.jsonl', '--rules', 'test/fixtures/mini-rules.json', '--folds', '3', '--out', model]);
  expect(r.code, r.stderr).toBe(0);
});

const modelArgs = () => ['--model', model, '--rules', 'test/fixtures/mini-rules.json', '--taxonomy', 'test/fixtures/mini-taxonomy.json'];

describe('practice-themes review', () => {
  it('writes a CSV queue of --size passages from every readable document, names themes by the taxonomy, and reports the bad file (exit 1)', () => {
    const out = join(dir, 'queue.csv');
    const r = run(['review', archive, '--out', out, '--size', '12', ...modelArgs()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.pdf/);
    expect(r.stderr).toMatch(/queued 12 passages from 3 of 3 documents/);
    const parser = new CsvParser();
    const rows = [...parser.push(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')), ...parser.end()].map((row) => row.fields);
    expect(rows[0]).toContain('score: Housing conditions (housing)');
    expect(rows[0]).toContain('review: School attendance (school-attendance)');
    expect(rows).toHaveLength(13);
    const docColumn = rows[0]!.indexOf('document');
    for (let f = 0; f < 3; f++) expect(rows.slice(1).filter((row) => row[docColumn]!.endsWith(`case-${f}.txt`)).length).toBeLessThanOrEqual(4);
  });

  it('writes JSONL and HTML queues, the same passages in the same order', () => {
    const jsonl = join(dir, 'queue.jsonl');
    const html = join(dir, 'queue.html');
    expect(run(['review', join(archive, 'case-0.txt'), join(archive, 'case-1.txt'), '--out', jsonl, '--size', '5', ...modelArgs()]).code).toBe(0);
    expect(run(['review', join(archive, 'case-0.txt'), join(archive, 'case-1.txt'), '--out', html, '--size', '5', ...modelArgs()]).code).toBe(0);
    const passages = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { passage: string });
    expect(passages).toHaveLength(5);
    const page = readFileSync(html, 'utf8');
    expect([...page.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(passages.map((p) => p.passage));
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it('refuses an --out it cannot write as a queue (exit 2 with usage)', () => {
    copyFileSync(join(archive, 'case-0.txt'), join(dir, 'one.txt'));
    const r = run(['review', join(dir, 'one.txt'), '--out', join(dir, 'queue.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out must end in \.csv, \.jsonl, \.html/);
  });
});
