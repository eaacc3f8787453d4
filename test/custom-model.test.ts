// A model trained on the user's own taxonomy stands alone: the shipped rule sets of
// other themes do not join it, and it is named after its corpus (built CLI).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const run = (args: readonly string[], input = '') => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'pt-custom-model-'));
const model = join(dir, 'model.json');
let labels: string[] = [];

beforeAll(() => {
  const r = run(['train', 'test/fixtures/mini-corpus.jsonl', '--out', model, '--folds', '3']);
  expect(r.code, r.stderr).toBe(0);
  labels = (JSON.parse(readFileSync(model, 'utf8')) as { labels: string[] }).labels;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a custom model', () => {
  it('is named after its corpus when trained without --name', () => {
    expect((JSON.parse(readFileSync(model, 'utf8')) as { name: string }).name).toBe('mini-corpus');
  });

  it('tag --model without --rules reports only the model\'s themes, with none of the shipped rule sets', () => {
    const r = run(['tag', '--model', model], 'The flat was damp and the GP was not told about the missed school days.');
    expect(r.code, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout) as { scores: Record<string, number>; meta: { ruleSets: string[]; model: { name: string } } };
    expect(Object.keys(record.scores).sort()).toEqual([...labels].sort());
    expect(record.meta.ruleSets).toEqual([]);
    expect(record.meta.model.name).toBe('mini-corpus');
  });

  it('explicit --rules are used as given (a rules-only theme beside the model is a deliberate choice)', () => {
    const r = run(['tag', '--model', model, '--rules', 'test/fixtures/visits-rules.json'], 'The nurse made a home visit.');
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys((JSON.parse(r.stdout) as { scores: object }).scores).length).toBeGreaterThan(labels.length);
  });

  it('learns a practice gate from a corpus with unthemed units, and none with --no-gate', () => {
    expect((JSON.parse(readFileSync(model, 'utf8')) as { gate?: unknown }).gate).toBeDefined();
    const without = join(dir, 'no-gate.json');
    const r = run(['train', 'test/fixtures/mini-corpus.jsonl', '--out', without, '--folds', '3', '--no-gate']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(readFileSync(without, 'utf8')) as { gate?: unknown }).gate).toBeUndefined();
    expect(r.stderr).not.toContain('practice gate threshold');
  });
});
