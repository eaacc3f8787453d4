// A user's own corpus and taxonomy: only id, text and themes are required; a taxonomy
// file names the themes; bad input gets typed errors with file and line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusStats, isInputError, parseCorpus, parseTaxonomy, trainingExamplesOf, type CorpusUnit } from '../src/index';

const ROOT = new URL('..', import.meta.url).pathname;
const run = (args: readonly string[], input = '') => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'pt-custom-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The mini corpus with only id, text and themes on each line. */
function bareCorpus(): string {
  return readFileSync(join(ROOT, 'test/fixtures/mini-corpus.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { id, text, themes } = JSON.parse(line) as CorpusUnit;
      return JSON.stringify({ id, text, themes });
    })
    .join('\n');
}

function thrown(f: () => unknown): { code: string; line?: number; file?: string; message: string } {
  try {
    f();
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('custom corpus units', () => {
  it('need only id, text and themes; genre is free text; units without a split train, without a group stand alone', () => {
    const units = parseCorpus('{"id":"a","text":"Damp flat.","themes":["housing"]}\n{"id":"b","text":"Late to school.","themes":[],"genre":"case-note"}');
    expect(units.map((u) => u.genre)).toEqual([undefined, 'case-note']);
    const stats = corpusStats(units);
    expect(stats.perSplit).toEqual({ train: 2 });
    expect(stats.groups).toBe(2);
    expect(trainingExamplesOf(units).every((e) => e.group === undefined)).toBe(true);
  });

  it('reviewed units (source "review") count as real register: weighted, and the ones calibrated on when asked or from 200', () => {
    const units = parseCorpus(
      '{"id":"a","text":"Damp flat.","themes":["housing"]}\n{"id":"r1","text":"Mould in the bedroom.","themes":["housing"],"source":"review","reviewer":"AB","date":"2026-12-01"}',
    );
    const [written, reviewed] = trainingExamplesOf(units, { realWeight: 3, calibrateOnReal: true });
    expect(written).toMatchObject({ calibrate: false });
    expect(reviewed).toMatchObject({ calibrate: true, weight: 3 });
    // One reviewed unit is too few to fit thresholds on alone: by default every unit is.
    const [, fewReviewed] = trainingExamplesOf(units, { realWeight: 3 });
    expect(fewReviewed).toMatchObject({ weight: 3 });
    expect(fewReviewed).not.toHaveProperty('calibrate');
  });

  it('still reject a bad date, an unknown field and an empty text, naming the line', () => {
    const e = thrown(() => parseCorpus('{"id":"a","text":"x","themes":[]}\n{"id":"b","text":"x","themes":[],"date":"yesterday"}\n{"id":"c","text":"","themes":[],"colour":"red"}', { file: 'c.jsonl' }));
    expect(e.code).toBe('INVALID_CORPUS');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/c\.jsonl:2/);
    expect(e.message).toMatch(/line 3/);
  });
});

describe('taxonomy files', () => {
  it('parse id, label and description per theme, in order', () => {
    const taxonomy = parseTaxonomy(readFileSync(join(ROOT, 'test/fixtures/mini-taxonomy.json'), 'utf8'));
    expect(taxonomy.themes.map((t) => [t.id, t.label])).toEqual([
      ['housing', 'Housing conditions'],
      ['school-attendance', 'School attendance'],
    ]);
  });

  it.each([
    ['a JSON syntax error, at its line', '{\n  "themes": [\n    {"id": "a",, }\n  ]\n}', 3, /not valid JSON/],
    ['a theme without a label, at the line where the theme opens', '{\n  "themes": [\n    {"id": "a", "label": "A", "description": "d"},\n    {"id": "b",\n     "description": "d"}\n  ]\n}', 4, /themes\[1\]\.label/],
    ['a repeated id', '{"themes": [{"id": "a", "label": "A", "description": "d"}, {"id": "a", "label": "B", "description": "d"}]}', undefined, /unique/],
    ['an id that is not kebab-case', '{"themes": [{"id": "Housing", "label": "A", "description": "d"}]}', 1, /kebab-case/],
  ])('reject %s', (_name, source, line, message) => {
    const e = thrown(() => parseTaxonomy(source, { file: 'tax.json' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.file).toBe('tax.json');
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });
});

describe('train with a bare corpus and a taxonomy (built CLI)', () => {
  it('trains the taxonomy themes in taxonomy order and prints their labels', () => {
    const corpus = join(dir, 'bare.jsonl');
    writeFileSync(corpus, bareCorpus());
    const model = join(dir, 'model.json');
    const r = run(['train', corpus, '--taxonomy', 'test/fixtures/mini-taxonomy.json', '--rules', 'test/fixtures/mini-rules.json', '--folds', '3', '--out', model]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(readFileSync(model, 'utf8')) as { labels: string[] }).labels).toEqual(['housing', 'school-attendance']);
    expect(r.stderr).toMatch(/Housing conditions\s+P /);
    expect(r.stderr).toMatch(/School attendance\s+P /);
    // tag --taxonomy labels the themes in the readable summary.
    const tagged = run(['tag', '--model', model, '--rules', 'test/fixtures/mini-rules.json', '--taxonomy', 'test/fixtures/mini-taxonomy.json', '--format', 'text'], 'The flat was damp and mould grew on the walls.');
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(tagged.stdout).toMatch(/housing \(Housing conditions\)\s+score/);
    expect(tagged.stdout).toMatch(/not tagged: school-attendance \(School attendance\)/);
  });

  it('refuses a corpus theme the taxonomy does not declare (UNKNOWN_THEME, exit 1, no stack)', () => {
    const corpus = join(dir, 'unknown.jsonl');
    writeFileSync(corpus, `${bareCorpus()}\n{"id":"x1","text":"The GP was not told.","themes":["health"]}`);
    const r = run(['train', corpus, '--taxonomy', 'test/fixtures/mini-taxonomy.json', '--no-rules', '--out', join(dir, 'm2.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/corpus unit "x1" uses theme\(s\) not in the taxonomy: health/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
