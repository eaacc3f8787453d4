// The built CLI, run as a user runs it (node dist/cli.js; `npm test` builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TagResultSchema } from '../src/index';
import { TAG_PROCESS_V8_FLAGS } from '../src/commands/tag';
import { CLI_V8_FLAGS } from '../bench/fresh-process.mjs';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'pt-cli-'));

describe('practice-themes (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test builds first)');
  });

  it('tags JSON Lines from stdin: one line out per input, with id, themes, scores and evidence spans', () => {
    const input = [
      { id: 'a', text: 'Nobody spoke to the children on their own, and the health visitor never asked what a day at home was like for them.' },
      { id: 'b', text: 'Child D was born in 2019 and lived with her mother in a flat above a shop.' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const { code, stdout } = run(['tag', '--jsonl'], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0].themes).toContain('child-daily-life');
    expect(lines[1].themes).toEqual([]);
    for (const l of lines) {
      expect(Object.keys(l.scores).length).toBeGreaterThan(0);
      const source = JSON.parse(input.split('\n')[lines.indexOf(l)]!).text as string;
      for (const doc of Object.values(l.document) as { evidence: { start: number; end: number; text: string }[] }[])
        for (const e of doc.evidence) expect(source.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('--level sentence output validates against the published result schema', () => {
    const { code, stdout } = run(['tag', '--level', 'sentence'], 'The GP was not told that the family had moved. The case was closed.');
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.sentences).toHaveLength(2);
    expect(() => TagResultSchema.parse({ ...record, id: record.id ?? undefined })).not.toThrow();
  });

  it('keeps going past a bad JSON line: error record with the line number, exit 1', () => {
    const { code, stdout, stderr } = run(['tag', '--jsonl'], '{"id":"a","text":"The walls were damp."}\nnot json\n{"id":"c","text":"Attendance fell."}\n');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c']);
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'INVALID_INPUT' } });
    expect(stderr).toMatch(/line 2|:2/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace for a user mistake
  });

  it('prints a readable summary with evidence for the bundled example', () => {
    const { code, stdout } = run(['tag', '--format', 'text'], readFileSync(new URL('../examples/review-example.txt', import.meta.url), 'utf8'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/themes: /);
    expect(stdout).toMatch(/rule [a-z]+\./);
  });

  it('tags files given as paths (PATH mode) to JSON Lines', () => {
    const file = join(tmp, 'review.txt');
    writeFileSync(file, 'The school shared its concerns with the GP on the same day.');
    const { code, stdout } = run(['tag', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n')[0]!).themes).toContain('information-sharing');
  });

  it('--document-from: sentences take the themes of the sentences of the paragraph, both adds them to its own', () => {
    const text = 'The family moved to a new flat in March and the older child started at a new school. Nobody spoke to the children on their own, and the health visitor never asked what a day at home was like for them. The GP was not told about the move.';
    const tagAs = (documentFrom: string) => {
      const { code, stdout } = run(['tag', '--level', 'sentence', '--document-from', documentFrom], text);
      expect(code).toBe(0);
      return JSON.parse(stdout) as { themes: string[]; sentences: { themes: string[] }[] };
    };
    const [whole, both, sentences] = ['paragraphs', 'both', 'sentences'].map(tagAs);
    const ofSentences = [...new Set(whole!.sentences.flatMap((s) => s.themes))];
    expect(ofSentences.length).toBeGreaterThan(0);
    expect([...sentences!.themes].sort()).toEqual([...ofSentences].sort());
    expect([...both!.themes].sort()).toEqual([...new Set([...whole!.themes, ...ofSentences])].sort());
    expect(JSON.parse(run(['tag'], text).stdout).themes).toEqual(both!.themes);
  });

  it.each([
    [['frobnicate'], 2, /unknown command/],
    [['tag', '--format', 'xml'], 2, /--format must be one of/],
    [['tag', '--document-from', 'pages'], 2, /--document-from must be one of both, paragraphs, sentences/],
    [['eval', 'corpus', '--against-document-from', 'both'], 2, /compares nothing/],
    [['train'], 2, /exactly one CORPUS/],
    [['tag', '--model', join(tmp, 'missing.json')], 1, /missing\.json/],
  ])('%j exits %d with a clear message', (args, expected, message) => {
    const { code, stderr } = run(args, '');
    expect(code).toBe(expected);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('validate-rules reports a broken rule file with its JSON path and exits 1', () => {
    const file = join(tmp, 'bad-rules.json');
    writeFileSync(file, JSON.stringify({ format: 'practice-themes-rules', version: 1, name: 'bad', rules: [{ id: 'x.y', theme: 'a', pattern: '(oops', weight: 2, note: '', examples: { match: ['a'], noMatch: ['b'] } }] }));
    const { code, stdout } = run(['validate-rules', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/bad-rules\.json/);
    expect(stdout).toMatch(/rules\[0\]/);
  });

  it('validate-rules passes the shipped rule sets', () => {
    const { code, stdout } = run(['validate-rules', 'models/rules']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').every((l) => l.startsWith('ok'))).toBe(true);
  });

  it('trains a model from a corpus file and the model tags', () => {
    const out = join(tmp, 'mini-model.json');
    const train = run(['train', 'test/fixtures/mini-corpus.jsonl', '--out', out, '--folds', '3']);
    expect(train.code).toBe(0);
    expect(train.stderr).toMatch(/macro F1/);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.labels).toEqual(['housing', 'school-attendance']);
    const tag = run(['tag', '--model', out, '--rules', 'test/fixtures/mini-rules.json'], 'The flat was damp and the boiler was broken.');
    expect(tag.code).toBe(0);
    expect(JSON.parse(tag.stdout).themes).toContain('housing');
  });

  it('rejects a damaged model file with a clear error', () => {
    const file = join(tmp, 'damaged.json');
    writeFileSync(file, '{"format":"practice-themes-nb","version":1,"labels":[');
    const { code, stderr } = run(['tag', '--model', file], 'text');
    expect(code).toBe(1);
    expect(stderr).toMatch(/damaged\.json/);
    expect(stderr).toMatch(/JSON/);
  });

  it('--help and --version', () => {
    expect(run(['--help']).stdout).toMatch(/Commands:/);
    expect(run(['tag', '--help']).stdout).toMatch(/--jsonl/);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the V8 flags of tag', () => {
  it('are the ones the benchmark measures the CLI with', () => {
    expect(CLI_V8_FLAGS).toEqual([...TAG_PROCESS_V8_FLAGS]);
  });
});
