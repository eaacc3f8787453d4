// Batch conveniences of `tag PATH...` (built CLI): files skipped for their type are
// reported, the progress line can be forced on or off and counts records of .jsonl/.csv
// inputs, and --emit-text puts the extracted text beside the offsets that index into it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords } from '../src/io/readers/count-records';
import { expandPaths } from '../src/io/expand-paths';
import { writeDocx } from './fixtures/generate-docx.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const TEXT = 'The GP was not told that the family had moved. Nobody asked the children what a day at home was like.';
const dir = mkdtempSync(join(tmpdir(), 'pt-batch-conv-'));
const run = (args: readonly string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'tag', ...args, '--jobs', '1'], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

beforeAll(() => {
  mkdirSync(join(dir, 'mixed', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'mixed', 'a.txt'), TEXT);
  writeFileSync(join(dir, 'mixed', 'scan.png'), 'not text');
  writeFileSync(join(dir, 'mixed', 'sub', 'sheet.xlsx'), 'not text');
  writeFileSync(join(dir, 'mixed', '.DS_Store'), 'hidden');
  mkdirSync(join(dir, 'records'));
  writeFileSync(join(dir, 'records', 'many.jsonl'), Array.from({ length: 5 }, (_, i) => JSON.stringify({ id: `r${i}`, text: TEXT })).join('\n') + '\n');
  writeFileSync(join(dir, 'records', 'one.txt'), TEXT);
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'page.html'), `<html><head><title>x</title></head><body><h1>Review</h1><p data-x="a > b">${TEXT}</p></body></html>`);
  writeDocx(join(dir, 'docs', 'review.docx'), ['Findings', TEXT]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files of unsupported types in folders', () => {
  it('are skipped and counted on stderr by extension (hidden files are left alone)', () => {
    const r = run(['mixed']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).map((l) => l.path)).toEqual(['mixed/a.txt']);
    expect(r.stderr).toMatch(/skipped: 2 file\(s\) of unsupported types \(\.png 1, \.xlsx 1\)/);
  });

  it('--unsupported error: each is an UNSUPPORTED_FORMAT error record (exit 1)', () => {
    const r = run(['mixed', '--unsupported', 'error']);
    expect(r.code).toBe(1);
    const byPath = Object.fromEntries(lines(r.stdout).map((l) => [l.path, l]));
    expect(Object.keys(byPath).sort()).toEqual(['mixed/a.txt', 'mixed/scan.png', 'mixed/sub/sheet.xlsx']);
    expect(byPath['mixed/scan.png']?.error.code).toBe('UNSUPPORTED_FORMAT');
    expect(byPath['mixed/sub/sheet.xlsx']?.error.code).toBe('UNSUPPORTED_FORMAT');
  });

  it('expandPaths passes each skipped file to onSkipped', async () => {
    const skipped: string[] = [];
    const inputs = await expandPaths(['mixed'], { cwd: dir, onSkipped: (p) => skipped.push(p) });
    expect(inputs.map((i) => (i.kind === 'file' ? i.path : 'error'))).toEqual([join('mixed', 'a.txt')]);
    expect(skipped.sort()).toEqual([join('mixed', 'scan.png'), join('mixed', 'sub', 'sheet.xlsx')]);
  });
});

describe('--progress / --no-progress', () => {
  it('--progress draws the live line even when stderr is not a terminal, counting records of .jsonl files', () => {
    const r = run(['records', '--progress']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/tagging: 6\/6 records/);
  });

  it('--no-progress draws none; the summary is still written', () => {
    const r = run(['records', '--no-progress']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/tagging: |\x1b\[2K/);
    expect(r.stderr).toMatch(/6 document\(s\) tagged/);
  });

  it('both at once is a usage error', () => {
    expect(run(['records', '--progress', '--no-progress']).code).toBe(2);
  });

  it.each([
    ['jsonl', '{"id":"a","text":"x"}\n\n{"id":"b","text":"y"}\n', 2],
    ['csv', 'id,text\na,"two\nlines"\nb,plain\r\nc,"quote "" inside"\n', 3],
  ] as const)('countRecords counts %s records (quoted line breaks are not records)', async (format, content, expected) => {
    const file = join(dir, `count.${format}`);
    writeFileSync(file, content);
    expect(await countRecords(file, format)).toBe(expected);
  });
});

describe('--emit-text', () => {
  it('adds the extracted text of each document; every evidence offset indexes into it', () => {
    const r = run(['docs', '--emit-text']);
    expect(r.code, r.stderr).toBe(0);
    const records = lines(r.stdout);
    expect(records.map((l) => l.path)).toEqual(['docs/page.html', 'docs/review.docx']);
    let checked = 0;
    for (const record of records) {
      expect(record.text, record.path).toContain('The GP was not told');
      for (const theme of Object.values(record.document) as { evidence: { start: number; end: number; text: string }[] }[]) {
        for (const e of theme.evidence) {
          expect(record.text.slice(e.start, e.end)).toBe(e.text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('is refused where there is no document record to carry it', () => {
    expect(run(['docs', '--emit-text', '--level', 'sentence']).code).toBe(2);
    expect(run(['docs', '--emit-text', '--format', 'csv']).code).toBe(2);
  });
});
