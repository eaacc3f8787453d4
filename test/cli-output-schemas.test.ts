// Every kind of JSON the built CLI prints validates against the JSON Schema published for
// it in schemas/, checked with an independent JSON Schema validator (Ajv, draft 2020-12).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist', 'cli.js');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validator = (name: string) => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')));
const SCHEMAS = {
  result: validator('tag-result'),
  document: validator('document-record'),
  sentence: validator('sentence-record'),
  error: validator('error-record'),
  eval: validator('eval-report'),
};
type Kind = keyof typeof SCHEMAS;

const run = (args: readonly string[], input = '') => {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const jsonLines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** Asserts a record is valid for its schema, and only for the schema of its own kind among the tag records. */
function expectValid(record: unknown, kind: Kind): void {
  const validate = SCHEMAS[kind];
  expect(validate(record), `${kind}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(record).slice(0, 300)}`).toBe(true);
}
const kindOf = (record: Record<string, unknown>, level: 'document' | 'sentence'): Kind => ('error' in record ? 'error' : level);

const TEXT = 'The GP was not told that the family had moved. Nobody asked the children what a day at home was like.';
let dir = '';
let model = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pt-schemas-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'a.txt'), TEXT);
  writeFileSync(join(dir, 'in', 'b.html'), `<p>${TEXT}</p>`);
  writeFileSync(join(dir, 'in', 'empty.txt'), '');
  writeFileSync(join(dir, 'in', 'records.jsonl'), `${JSON.stringify({ id: 'r1', text: TEXT })}\nnot json\n`);
  model = join(dir, 'mini-model.json');
  const train = run(['train', 'test/fixtures/mini-corpus.jsonl', '--out', model, '--folds', '3']);
  expect(train.code, train.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI output validates against the published schemas', () => {
  it('tag on stdin: a document record; --level sentence: the whole tag result', () => {
    const doc = run(['tag'], TEXT);
    expect(doc.code).toBe(0);
    expectValid(JSON.parse(doc.stdout), 'document');
    const sentence = run(['tag', '--level', 'sentence'], TEXT);
    expect(sentence.code).toBe(0);
    expectValid(JSON.parse(sentence.stdout), 'result');
  });

  it.each([['jsonl'], ['json']])('tag --jsonl --format %s: document records and an error record for a bad line', (format) => {
    const r = run(['tag', '--jsonl', '--format', format], `${JSON.stringify({ id: 'a', text: TEXT })}\n{"id": "b"}\n`);
    expect(r.code).toBe(1);
    const records = (format === 'json' ? JSON.parse(r.stdout) : jsonLines(r.stdout)) as Record<string, unknown>[];
    expect(records.map((x) => ('error' in x ? 'error' : 'document'))).toEqual(['document', 'error']);
    for (const record of records) expectValid(record, kindOf(record, 'document'));
  });

  it.each([
    ['document', 'jsonl'],
    ['sentence', 'jsonl'],
    ['document', 'json'],
    ['sentence', 'json'],
  ] as const)('tag PATH --level %s --format %s: records from files and records, and error records', (level, format) => {
    const r = run(['tag', join(dir, 'in'), join(dir, 'missing.txt'), '--level', level, '--format', format, '--jobs', '1']);
    expect(r.code).toBe(1);
    const records = (format === 'json' ? JSON.parse(r.stdout) : jsonLines(r.stdout)) as Record<string, unknown>[];
    const kinds = new Set(records.map((x) => kindOf(x, level)));
    expect([...kinds].sort()).toEqual(['error', level].sort());
    for (const record of records) expectValid(record, kindOf(record, level));
  });

  it('a model of another taxonomy: records validate too (themes are data, not a fixed list)', () => {
    const r = run(['tag', '--model', model, '--rules', 'test/fixtures/mini-rules.json'], 'The flat was damp and the boiler was broken.');
    expect(r.code).toBe(0);
    expectValid(JSON.parse(r.stdout), 'document');
  });

  it.each([
    ['eval (one mode)', ['eval', 'test/fixtures/mini-corpus.jsonl', '--split', 'test', '--rules', 'test/fixtures/mini-rules.json']],
    ['eval --mode ablation', ['eval', 'test/fixtures/mini-corpus.jsonl', '--split', 'test', '--rules', 'test/fixtures/mini-rules.json', '--mode', 'ablation']],
    ['eval --folds', ['eval', 'test/fixtures/mini-corpus.jsonl', '--folds', '3', '--rules', 'test/fixtures/mini-rules.json']],
    ['agreement', ['agreement', 'test/fixtures/mini-corpus.jsonl', 'test/fixtures/mini-corpus.jsonl']],
  ])('%s --format json: an evaluation report', (_name, args) => {
    const withModel = args[0] === 'eval' && !args.includes('--folds') ? ['--model', model] : [];
    const r = run([...args, ...withModel, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expectValid(JSON.parse(r.stdout), 'eval');
  });

  it('the schemas tell the record kinds apart', () => {
    const doc = JSON.parse(run(['tag'], TEXT).stdout);
    expect(SCHEMAS.sentence(doc)).toBe(false);
    expect(SCHEMAS.error(doc)).toBe(false);
    expect(SCHEMAS.document({ id: 'x', error: { code: 'INTERNAL', message: 'm' } })).toBe(false);
  });
});
