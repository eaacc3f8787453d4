/**
 * Hostile or unlucky inputs through the API and stdin (issue 11, items 4-7, 10):
 * binary and empty stdin are errors, one decoding policy for files and stdin,
 * UTF-16 with a BOM is read, an input size limit, and validated tagMany/pages.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import languageModel from 'wink-eng-lite-web-model';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError, isPracticeThemesError } from '../../src/errors';
import { readDocument, readDocuments } from '../../src/io/readers/index';
import { parseRuleSet } from '../../src/rules/schema';
import { createTagger } from '../../src/tagger';
import visits from '../fixtures/visits-rules.json';
import { pseudoRandomBytes, runCli } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'hostile-inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tagger = createTagger({ languageModel, ruleSets: [parseRuleSet(visits)] });
const rulesOnly = ['--no-model', '--rules', 'test/fixtures/visits-rules.json'];

/** "The café’s home visit — naïve." in UTF-8 with one Windows-1252 apostrophe (0x92) in it. */
const mixedBytes = Buffer.concat([Buffer.from('The café'), Buffer.from([0x92]), Buffer.from('s home visit — naïve.\n')]);

describe('item 5: binary on stdin', () => {
  it.each([
    ['random bytes', pseudoRandomBytes(64 * 1024, 7)],
    ['random bytes without NUL', Buffer.from(pseudoRandomBytes(64 * 1024, 9).filter((b) => b !== 0))],
  ])('%s are refused as DOCUMENT_CORRUPT, not tagged', async (_, bytes) => {
    const result = await runCli(['tag', ...rulesOnly], bytes);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/<stdin>.*(NUL|control characters)/);
    expect(result.stderr).not.toMatch(/unexpected error/);
  });
});

describe('item 6: one decoding policy', () => {
  it('a file with one bad byte keeps its UTF-8 text, replaces the byte and warns', async () => {
    const file = join(work, 'mixed.txt');
    writeFileSync(file, mixedBytes);
    const doc = await readDocument(file);
    expect(doc.text).toBe('The café\ufffds home visit — naïve.\n');
    expect(doc.warnings).toEqual([expect.stringMatching(/1 byte sequence\(s\) are not valid UTF-8/)]);
  });

  it('stdin decodes the same bytes to the same text as the file, with the same warning', async () => {
    const result = await runCli(['tag', ...rulesOnly, '--level', 'sentence'], mixedBytes);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/<stdin>: warning: 1 byte sequence\(s\) are not valid UTF-8/);
    const record = JSON.parse(result.stdout);
    expect(record.sentences[0].text).toBe('The café\ufffds home visit — naïve.');
  });

  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The home visit was brief.\n', 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('The home visit was brief.\n', 'utf16le').swap16()])],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('The home visit was brief.\n')])],
  ])('%s with a byte-order mark is read as text, from a file, a JSON Lines file and stdin', async (name, bytes) => {
    const file = join(work, `${name.replace(/\W/g, '')}.txt`);
    writeFileSync(file, bytes);
    expect((await readDocument(file)).text).toBe('The home visit was brief.\n');
    const jsonl = join(work, `${name.replace(/\W/g, '')}.jsonl`);
    const line = JSON.stringify({ id: 'a', text: 'The home visit was brief.' }) + '\n';
    const encoded = name === 'UTF-16LE' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')])
      : name === 'UTF-16BE' ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(line, 'utf16le').swap16()])
      : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]);
    writeFileSync(jsonl, encoded);
    const records = [];
    for await (const item of readDocuments(jsonl)) records.push(item);
    expect(records).toEqual([expect.objectContaining({ id: 'a', text: 'The home visit was brief.' })]);
    const result = await runCli(['tag', ...rulesOnly], bytes);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).themes).toEqual(['home-visits']);
  });

  it('a JSON Lines file with a bad byte warns once and keeps its records', async () => {
    const jsonl = join(work, 'bad-byte.jsonl');
    writeFileSync(jsonl, Buffer.concat([Buffer.from('{"id":"a","text":"caf'), Buffer.from([0xe9]), Buffer.from(' home visit"}\n{"id":"b","text":"naïve"}\n')]));
    const warnings: string[] = [];
    const records = [];
    for await (const item of readDocuments(jsonl, { onWarning: (w) => warnings.push(w) })) records.push(item);
    expect(records.map((r) => ('text' in r ? r.text : r.error.code))).toEqual(['caf\ufffd home visit', 'naïve']);
    expect(warnings).toHaveLength(1);
  });
});

describe('item 7: empty stdin', () => {
  it.each([['nothing', ''], ['whitespace', ' \n\t\n']])('%s on stdin is DOCUMENT_EMPTY, as an empty file is', async (_, input) => {
    const result = await runCli(['tag', ...rulesOnly], input);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/<stdin>: stdin has no text/);
  });

  it('empty stdin with --jsonl is an error too', async () => {
    const result = await runCli(['tag', '--jsonl', ...rulesOnly], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no JSON Lines/);
  });
});

describe('item 4: input size limit', () => {
  it('tag() refuses a text over maxTextLength with INPUT_TOO_LARGE before tagging it', () => {
    const small = tagger.extend({ maxTextLength: 1_000 });
    expect(small.tag('The home visit was brief. '.repeat(30)).themes).toEqual(['home-visits']);
    expect(() => small.tag('The home visit was brief. '.repeat(50))).toThrowError(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }));
  });

  it('the limit is validated and can be lifted', () => {
    expect(() => tagger.extend({ maxTextLength: -1 })).toThrowError(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(tagger.extend({ maxTextLength: Infinity }).tag('The home visit was brief.').themes).toEqual(['home-visits']);
  });

  it('tag --max-chars refuses a longer stdin text with exit 1 and the limit in the message', async () => {
    const result = await runCli(['tag', ...rulesOnly, '--max-chars', '100'], 'The home visit was brief. '.repeat(20));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/INPUT_TOO_LARGE|over the limit|larger than/);
  });
});

describe('item 10: tagMany inputs and page spans', () => {
  it('tagMany([text, null]) throws a typed INVALID_INPUT naming input 1', () => {
    try {
      tagger.tagMany(['The home visit was brief.', null as never]);
      expect.unreachable('tagMany accepted null');
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      expect((error as { code: string }).code).toBe('INVALID_INPUT');
      expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual([1]);
    }
  });

  it.each([
    ['a negative start', [{ page: 1, start: -5, end: 10 }], ['pages', 0, 'start']],
    ['NaN', [{ page: 1, start: 0, end: Number.NaN }], ['pages', 0, 'end']],
    ['a page number of 0', [{ page: 0, start: 0, end: 10 }], ['pages', 0, 'page']],
    ['an end past the text', [{ page: 1, start: 0, end: 10_000 }], ['pages', 0, 'end']],
    ['overlapping pages', [{ page: 1, start: 0, end: 20 }, { page: 2, start: 10, end: 25 }], ['pages', 1]],
  ])('tag(text, { pages }) with %s is INVALID_OPTIONS with the path', (_, pages, path) => {
    try {
      tagger.tag('The home visit was brief on that day.', { pages });
      expect.unreachable('pages accepted');
    } catch (error) {
      expect(isPracticeThemesError(error)).toBe(true);
      expect((error as { code: string }).code).toBe('INVALID_OPTIONS');
      expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(path);
    }
  });

  it('valid pages still give page numbers', () => {
    const result = tagger.tag('The home visit was brief. The home visit was long.', { pages: [{ page: 1, start: 0, end: 25 }, { page: 2, start: 26, end: 50 }] });
    expect(result.sentences.map((s) => s.page)).toEqual([1, 2]);
  });
});
