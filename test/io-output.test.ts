import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtomicFile } from '../src/io/output/atomic-file';
import { CsvParser } from '../src/io/readers/csv-parser';
import { csvField } from '../src/io/output/csv-format';
import type { ErrorRecord } from '../src/io/document';
import { createOutputFormatter, type OutputFormat } from '../src/io/output/formatter';
import { toTaggedDocument, type OutputLevel } from '../src/io/output/output-records';
import { assertOutputsAreNotInputs } from '../src/io/output/output-sink';
import type { TagResult } from '../src/result-schema';

const themes = ['alpha-theme', 'beta-theme'];

function result(text: string, tagged: string[]): TagResult {
  const score = (t: string) => (tagged.includes(t) ? 0.81234 : 0.1);
  const sentence = {
    index: 0,
    block: 0,
    start: 0,
    end: text.length,
    text,
    page: 2,
    themes: tagged,
    scores: Object.fromEntries(themes.map((t) => [t, { score: score(t), tagged: tagged.includes(t), ruleScore: 0, source: 'rules' as const }])),
    evidence: tagged.map((t) => ({ kind: 'rule' as const, theme: t, ruleId: `${t}.r1`, weight: 0.8, start: 0, end: 4, text: text.slice(0, 4), page: 2 })),
  };
  return {
    themes: tagged,
    scores: Object.fromEntries(themes.map((t) => [t, score(t)])),
    document: Object.fromEntries(themes.map((t) => [t, { score: score(t), tagged: tagged.includes(t), source: 'rules' as const, strength: score(t), passages: tagged.includes(t) ? 1 : 0, coverage: tagged.includes(t) ? 0.5 : 0, sentences: tagged.includes(t) ? 1 : 0, share: tagged.includes(t) ? 0.5 : 0, evidence: [] }])),
    sentences: [sentence, { ...sentence, index: 1, themes: [], evidence: [] }],
    meta: { characters: text.length, sentenceCount: 2, ruleSets: ['test'] },
  };
}

const doc = { id: 'doc "one", with comma', path: 'in/one.pdf', format: 'pdf' as const, text: 'Some text.', pages: [{ page: 1, start: 0, end: 5 }, { page: 2, start: 5, end: 10 }] };
const failure: ErrorRecord = { id: 'in/bad.pdf', path: 'in/bad.pdf', error: { code: 'PDF_ENCRYPTED', message: 'practice-themes: in/bad.pdf: PDF is encrypted\nand needs a password' } };

function render(format: OutputFormat, level: OutputLevel): string {
  const f = createOutputFormatter({ format, level, themes });
  return f.begin() + f.document(toTaggedDocument(doc, result('Some text.', ['beta-theme']), level)) + f.error(failure) + f.end();
}

function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()].map((r) => [...r.fields]);
}

describe('output formatters', () => {
  it('JSON Lines, document level: one line per document without sentences, and the error record', () => {
    const lines = render('jsonl', 'document').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: doc.id, path: 'in/one.pdf', format: 'pdf', pages: 2, themes: ['beta-theme'], meta: { sentenceCount: 2 } });
    expect(lines[0].sentences).toBeUndefined();
    expect(lines[1]).toEqual(failure);
  });

  it('JSON Lines, sentence level: one line per sentence with page, offsets, themes, scores and evidence', () => {
    const lines = render('jsonl', 'sentence').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: doc.id, path: 'in/one.pdf', index: 0, page: 2, start: 0, end: 10, themes: ['beta-theme'] });
    expect(lines[0].evidence[0]).toMatchObject({ ruleId: 'beta-theme.r1', page: 2, start: 0, end: 4 });
    expect(lines[0].scores['alpha-theme'].score).toBe(0.1);
    expect(lines[2]).toEqual(failure);
  });

  it.each(['document', 'sentence'] as const)('JSON at %s level is one valid array', (level) => {
    const parsed = JSON.parse(render('json', level));
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed.at(-1)).toEqual(failure);
  });

  it('JSON with no records is an empty array', () => {
    const f = createOutputFormatter({ format: 'json', level: 'document', themes });
    expect(JSON.parse(f.begin() + f.end())).toEqual([]);
  });

  it('CSV, document level: id, path, pages, sentences, score, tag and sentence share columns per theme, and error', () => {
    const rows = parseCsv(render('csv', 'document'));
    expect(rows[0]).toEqual(['id', 'path', 'pages', 'sentences', 'alpha-theme_score', 'alpha-theme_tagged', 'alpha-theme_share', 'beta-theme_score', 'beta-theme_tagged', 'beta-theme_share', 'error']);
    expect(rows[1]).toEqual([doc.id, 'in/one.pdf', '2', '2', '0.1', 'false', '0', '0.81234', 'true', '0.5', '']);
    expect(rows[2]).toEqual(['in/bad.pdf', 'in/bad.pdf', '', '', '', '', '', '', '', '', `PDF_ENCRYPTED: ${failure.error.message}`]);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('CSV, sentence level: a row per sentence', () => {
    const rows = parseCsv(render('csv', 'sentence'));
    expect(rows[0]!.slice(0, 7)).toEqual(['id', 'path', 'sentence', 'page', 'start', 'end', 'text']);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(2, 7)).toEqual(['0', '2', '0', '10', 'Some text.']);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    [0.123456789012, '0.123456789012'],
    [3, '3'],
    [undefined, ''],
  ])('CSV field %j -> %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('atomic files and the output guard', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'io-output-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes to a temporary file and shows the target only at commit', async () => {
    const target = join(dir, 'out.jsonl');
    writeFileSync(target, 'old content\n');
    const file = await createAtomicFile(target);
    await file.write('new ');
    await file.write('x'.repeat(100_000));
    expect(readFileSync(target, 'utf8')).toBe('old content\n');
    expect(file.tempPath.startsWith(join(dir, '.out.jsonl.'))).toBe(true);
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe(`new ${'x'.repeat(100_000)}`);
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('leaves the target untouched and no temporary file after abort', async () => {
    const target = join(dir, 'kept.csv');
    writeFileSync(target, 'keep me');
    const file = await createAtomicFile(target);
    await file.write('partial');
    await file.abort();
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(existsSync(file.tempPath)).toBe(false);
  });

  it('fails with a typed error when the folder does not exist', async () => {
    await expect(createAtomicFile(join(dir, 'no', 'such', 'out.jsonl'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('refuses an output that is an input, directly or through a symlink, and two outputs on one file', async () => {
    const input = join(dir, 'review.txt');
    writeFileSync(input, 'text');
    symlinkSync(input, join(dir, 'alias.txt'));
    await expect(assertOutputsAreNotInputs({ '--out': input }, [input])).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringContaining('refusing to write over an input') });
    await expect(assertOutputsAreNotInputs({ '--report': join(dir, 'alias.txt') }, [input])).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(assertOutputsAreNotInputs({ '--out': 'review.txt' }, [input], dir)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(assertOutputsAreNotInputs({ '--out': join(dir, 'r.html'), '--report': join(dir, 'r.html') }, [input])).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(assertOutputsAreNotInputs({ '--out': join(dir, 'fine.jsonl'), '--report': undefined }, [input])).resolves.toBeUndefined();
  });
});
