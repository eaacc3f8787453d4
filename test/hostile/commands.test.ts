/**
 * Commands given bad input (issue 11, items 9, 12, 13): train refuses empty texts,
 * misspelt themes, an --out that is the corpus and an --out it cannot write, with
 * typed errors and no stack; validate-rules fails what tag would refuse; a bad
 * --rules exits 1 whether tag reads stdin or files.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './helpers';

const work = mkdtempSync(join(tmpdir(), 'hostile-commands-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const corpusLines = readFileSync('test/fixtures/mini-corpus.jsonl', 'utf8').trimEnd().split('\n');

function corpusWith(name: string, edit: (units: Record<string, unknown>[]) => void): string {
  const units = corpusLines.map((l) => JSON.parse(l) as Record<string, unknown>);
  edit(units);
  const file = join(work, name);
  writeFileSync(file, units.map((u) => JSON.stringify(u)).join('\n') + '\n');
  return file;
}

describe('item 9: train input checks', () => {
  it('a whitespace-only text is INVALID_CORPUS with its file and line', async () => {
    const corpus = corpusWith('blank.jsonl', (u) => void (u[3]!.text = '  \t '));
    const result = await runCli(['train', corpus, '--out', join(work, 'm.json'), '--folds', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/blank\.jsonl/);
    expect(result.stderr).toMatch(/line 4|:4/);
    expect(result.stderr).toMatch(/whitespace/);
    expect(existsSync(join(work, 'm.json'))).toBe(false);
  });

  it('a misspelt theme is refused with the likely intended theme, not learnt as a new label', async () => {
    const corpus = corpusWith('typo.jsonl', (units) => {
      const theme = (units[0]!.themes as string[])[0]!;
      units[5]!.themes = [`${theme.slice(0, -2)}${theme.slice(-1)}`]; // drop the second-to-last letter
    });
    const result = await runCli(['train', corpus, '--out', join(work, 'typo.json'), '--folds', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/looks like a misspelling of/);
    expect(existsSync(join(work, 'typo.json'))).toBe(false);
  });

  it('train --out CORPUS refuses to overwrite the corpus (exit 2, as tag does)', async () => {
    const corpus = join(work, 'keep.jsonl');
    copyFileSync('test/fixtures/mini-corpus.jsonl', corpus);
    const before = readFileSync(corpus, 'utf8');
    const result = await runCli(['train', corpus, '--out', corpus, '--folds', '3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing to write over an input/);
    expect(readFileSync(corpus, 'utf8')).toBe(before);
  });

  it('without --labels, train lists the themes it learns with their counts', async () => {
    const out = join(work, 'ok.json');
    const result = await runCli(['train', 'test/fixtures/mini-corpus.jsonl', '--out', out, '--folds', '3']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/learning every theme the corpus uses .*: [a-z-]+ \d+/);
    expect(existsSync(out)).toBe(true);
  });
});

describe('item 13: unwritable model output', () => {
  it('train --out into a missing folder is a typed error naming the path, no stack', async () => {
    const out = join(work, 'no', 'such', 'dir', 'm.json');
    const result = await runCli(['train', 'test/fixtures/mini-corpus.jsonl', '--out', out, '--folds', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(out);
    expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });

  it('a full disk while saving is FILE_UNWRITABLE naming the file, and leaves no temp file', async () => {
    vi.resetModules();
    vi.doMock('node:fs/promises', async (importOriginal) => {
      const fs = await importOriginal<typeof import('node:fs/promises')>();
      const open: typeof fs.open = async (...args) => {
        const handle = await fs.open(...args);
        const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        return Object.assign(Object.create(handle), { write: async () => Promise.reject(full), sync: () => handle.sync(), close: () => handle.close() });
      };
      return { ...fs, open, default: { ...fs, open } };
    });
    try {
      const { saveModel } = await import('../../src/files/load-model');
      const { parseModel } = await import('../../src/nb/model-file');
      const model = parseModel(readFileSync('test/fixtures/golden/model.json', 'utf8'));
      const target = join(work, 'full', 'model.json');
      rmSync(join(work, 'full'), { recursive: true, force: true });
      (await import('node:fs')).mkdirSync(join(work, 'full'));
      await expect(saveModel(target, model)).rejects.toMatchObject({ code: 'FILE_UNWRITABLE', file: target, message: expect.stringMatching(/disk is full/) });
      expect((await import('node:fs')).readdirSync(join(work, 'full'))).toEqual([]);
    } finally {
      vi.doUnmock('node:fs/promises');
      vi.resetModules();
    }
  });
});

describe('item 12: rule files checked the same everywhere', () => {
  const rules = 'test/fixtures/visits-rules.json';

  it('validate-rules A B fails when B reuses a rule id of A, as tag does', async () => {
    const copy = join(work, 'visits-copy.json');
    const set = JSON.parse(readFileSync(rules, 'utf8')) as { name: string };
    set.name = 'visits-copy';
    writeFileSync(copy, JSON.stringify(set));
    const validate = await runCli(['validate-rules', rules, copy]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/FAIL .*already used/);
    const tag = await runCli(['tag', '--no-model', '--rules', rules, '--rules', copy], 'The home visit was brief.');
    expect(tag.code).toBe(1);
  });

  it('a bad --rules file exits 1 in PATH mode (worker pool, built CLI) as on stdin', async () => {
    const bad = join(work, 'bad-rules.json');
    writeFileSync(bad, '{"format":"practice-themes-rules","version":1,"name":"x","rules":[]}');
    const doc = join(work, 'doc.txt');
    writeFileSync(doc, 'The home visit was brief.\n');
    const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
    const stdin = spawnSync(process.execPath, [cli, 'tag', '--no-model', '--rules', bad], { input: 'The home visit was brief.', encoding: 'utf8' });
    const path = spawnSync(process.execPath, [cli, 'tag', '--no-model', '--rules', bad, '--jobs', '1', doc], { encoding: 'utf8' });
    expect(stdin.status).toBe(1);
    expect(path.status).toBe(1);
    expect(path.stderr).toMatch(/rule set|rules/);
  });
});
