import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDocumentError } from '../src/errors';
import { isErrorRecord, type ReadItem, type SourceDocument } from '../src/io/document';
import { readDocument, readDocuments } from '../src/io/readers/index';
import { generateFixtures, type FixtureManifest } from './fixtures/generate-fixtures.mjs';

let fx: FixtureManifest;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'io-readers-'));
  fx = generateFixtures(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(path: string, options?: Parameters<typeof readDocuments>[1]): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readDocuments(path, options)) items.push(item);
  return items;
}

/** The example's words in order, ignoring spacing and punctuation differences. */
const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

describe('PDF reader', () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await readDocument(fx.files.pdf);
  });

  it('extracts the text of every page with pdf.js, in order', () => {
    expect(doc.format).toBe('pdf');
    expect(doc.id).toBe(fx.files.pdf);
    expect(words(doc.text)).toEqual(words(fx.text));
  });

  it('keeps one span per page, covering the text in order', () => {
    expect(doc.pages).toHaveLength(fx.pageCount);
    expect(fx.pageCount).toBeGreaterThanOrEqual(3);
    doc.pages!.forEach((p, i) => {
      expect(p.page).toBe(i + 1);
      expect(p.end).toBeGreaterThan(p.start);
      if (i > 0) expect(doc.text.slice(doc.pages![i - 1]!.end, p.start)).toMatch(/^\n\n?$/);
    });
    expect(doc.pages!.at(-1)!.end).toBe(doc.text.length);
  });

  it('removes the running header and the "Page N of M" footers', () => {
    expect(doc.text).not.toContain(fx.header);
    expect(doc.text).not.toMatch(/Page \d+ of \d+/);
  });

  it('joins the word hyphenated across a line end', () => {
    expect(fx.hyphenated).toBeDefined();
    const { word, head, tail } = fx.hyphenated!;
    expect(doc.text).toContain(word);
    expect(doc.text).not.toContain(`${head}-`);
    expect(doc.text).not.toMatch(new RegExp(`\\b${tail}\\b`));
  });

  it('removes bare page numbers from a PDF without a header', async () => {
    const briefing = await readDocument(fx.files.briefingPdf);
    expect(briefing.pages).toHaveLength(2);
    expect(briefing.text).toMatch(/^Learning brief \(fictional\)\./);
    expect(briefing.text.trim()).not.toMatch(/(^|\n)\s*[12]\s*($|\n)/);
  });
});

describe('other single-document formats', () => {
  it.each([
    ['docx', () => fx.files.docx],
    ['txt', () => fx.files.txt],
    ['html', () => fx.files.html],
  ])('reads %s text with no pages', async (format, file) => {
    const doc = await readDocument(file());
    expect(doc.format).toBe(format);
    expect(doc.pages).toBeUndefined();
    expect(words(doc.text).slice(0, 12)).toEqual(words(fx.text).slice(0, 12));
  });

  it('reads DOCX paragraphs as paragraphs', async () => {
    const doc = await readDocument(fx.files.docx);
    expect(doc.text.split(/\n\s*\n/).length).toBeGreaterThanOrEqual(fx.text.split(/\n\s*\n/).length - 1);
  });

  it('reads HTML without markup, script or style, with entities decoded', async () => {
    const doc = await readDocument(fx.files.html);
    expect(doc.text).not.toMatch(/<|>|color: red|ignored|comment/);
    expect(doc.text).toContain('Fish & chips \u2014 \'quoted\'');
    expect(doc.text).toContain('\u2022 Second item');
  });

  it('reads Markdown with syntax masked and offsets equal to the file’s', async () => {
    const doc = await readDocument(fx.files.md);
    const raw = (await import('node:fs')).readFileSync(fx.files.md, 'utf8');
    expect(doc.text).toHaveLength(raw.length);
    expect(doc.text).not.toMatch(/\*\*|\]\(|^#/m);
    const at = doc.text.indexOf('Summary.');
    expect(raw.slice(at, at + 8)).toBe('Summary.');
  });

  it('reads a Windows-1252 file as UTF-8 like every input: bad bytes become U+FFFD, with a warning', async () => {
    const file = join(dir, 'legacy.txt');
    writeFileSync(file, Buffer.from([0x93, 0x4e, 0x6f, 0x94, 0x20, 0x96, 0x20, 0x73, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64]));
    const doc = await readDocument(file);
    expect(doc.text).toBe('\ufffdNo\ufffd \ufffd she said');
    expect(doc.warnings).toEqual([expect.stringMatching(/3 byte sequence\(s\) are not valid UTF-8/)]);
  });
});

describe('failures', () => {
  it.each([
    ['an encrypted PDF', () => fx.files.encryptedPdf, 'PDF_ENCRYPTED'],
    ['a scanned PDF with no text layer', () => fx.files.scannedPdf, 'PDF_NO_TEXT'],
    ['a corrupt PDF', () => fx.files.corruptPdf, 'DOCUMENT_CORRUPT'],
    ['a corrupt DOCX', () => fx.files.brokenDocx, 'DOCUMENT_CORRUPT'],
    ['an empty file', () => fx.files.empty, 'DOCUMENT_EMPTY'],
    ['a whitespace-only file', () => fx.files.blank, 'DOCUMENT_EMPTY'],
    ['a missing file', () => join(dir, 'missing.txt'), 'FILE_NOT_FOUND'],
    ['a dangling symlink', () => fx.files.dangling, 'FILE_UNREADABLE'],
    ['a directory named like a PDF', () => fx.files.directoryPdf, 'FILE_UNREADABLE'],
    ['an unknown extension', () => fx.files.unsupported, 'UNSUPPORTED_FORMAT'],
  ])('%s is a DocumentError naming the file', async (_name, file, code) => {
    const error = await readDocument(file()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDocumentError(error)).toBe(true);
    expect(error).toMatchObject({ code, file: file() });
    expect((error as Error).message).toContain(file());
  });

  it('reports a non-PDF file with a .pdf name as corrupt', async () => {
    const file = join(dir, 'not-really.pdf');
    writeFileSync(file, 'plain text, no PDF header');
    await expect(readDocument(file)).rejects.toMatchObject({ code: 'DOCUMENT_CORRUPT' });
  });

  it('readDocuments yields an error record instead of throwing', async () => {
    const items = await collect(fx.files.encryptedPdf);
    expect(items).toEqual([{ id: fx.files.encryptedPdf, path: fx.files.encryptedPdf, error: { code: 'PDF_ENCRYPTED', message: expect.stringContaining('encrypted') } }]);
  });
});

describe('records: .jsonl and .csv', () => {
  it('yields one document per JSON line and an error record for each bad line, with its line number', async () => {
    const items = await collect(fx.files.jsonl);
    expect(items).toHaveLength(fx.records + 2);
    const errors = items.filter(isErrorRecord);
    expect(errors.map((e) => [e.error.code, e.error.line])).toEqual([
      ['DOCUMENT_CORRUPT', 3],
      ['INVALID_INPUT', 4],
    ]);
    expect(errors[0]!.error.message).toContain(`${fx.files.jsonl}:3`);
    expect(errors[1]!.id).toBe('no-text');
    const docs = items.filter((i): i is SourceDocument => !isErrorRecord(i));
    expect(docs.map((d) => d.id)).toEqual(Array.from({ length: fx.records }, (_, i) => `rec-${i + 1}`));
    expect(docs[0]).toMatchObject({ path: fx.files.jsonl, format: 'jsonl', line: 1 });
    expect(docs[2]!.line).toBe(5);
  });

  it('parses CSV with quoted newlines and doubled quotes; a malformed row is an error and the rest come through', async () => {
    const items = await collect(fx.files.csv);
    const docs = items.filter((i): i is SourceDocument => !isErrorRecord(i));
    expect(docs).toHaveLength(fx.records + 1);
    expect(docs.find((d) => d.id === 'multi-line')!.text).toBe('First line of a record.\nSecond line, with a "quote".');
    const errors = items.filter(isErrorRecord);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error).toMatchObject({ code: 'DOCUMENT_CORRUPT', line: 6 });
    expect(docs.at(-1)!.id).toBe(`rec-${fx.records}`);
  });

  it.each([
    ['jsonl', '{"key": "a", "body": "Text A."}\n{"key": 7, "body": "Text B."}\n'],
    ['csv', 'key,body\na,Text A.\n7,Text B.\n'],
  ])('takes other id and text column names (%s)', async (ext, content) => {
    const file = join(dir, `custom.${ext}`);
    writeFileSync(file, content);
    const items = await collect(file, { idColumn: 'key', textColumn: 'body' });
    expect(items.map((i) => ('text' in i ? [i.id, i.text] : i.error.code))).toEqual([
      ['a', 'Text A.'],
      ['7', 'Text B.'],
    ]);
  });

  it.each([
    ['a CSV without the text column', 'data.csv', 'id,body\n1,x\n', 'INVALID_INPUT'],
    ['a CSV with a header only', 'header.csv', 'id,text\n', 'DOCUMENT_EMPTY'],
    ['an empty JSON Lines file', 'empty.jsonl', '', 'DOCUMENT_EMPTY'],
  ])('reports %s as one error record for the file', async (_name, name, content, code) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const items = await collect(file);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ path: file, error: { code } });
  });

  it('reports a record with empty text and a CSV row with the wrong number of fields', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, 'id,text\na,Fine.\nb,   \nc,too,many\nd,Also fine.\n');
    const items = await collect(file);
    expect(items.map((i) => (isErrorRecord(i) ? `${i.error.code}@${i.error.line}` : i.id))).toEqual(['a', 'DOCUMENT_EMPTY@3', 'DOCUMENT_CORRUPT@4', 'd']);
  });
});
