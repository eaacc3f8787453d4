// Reviewer decisions: validated with line numbers, folded in with provenance, and
// train --add prints the gain on a held-out part (built CLI).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CorpusUnit, calibratesOnReal, decisionsToUnits, holdOutReviewed, isInputError, MIN_REAL_FOR_CALIBRATION, parseCorpus, parseDecisions, trainingExamplesOf } from '../src/index';

const ROOT = new URL('..', import.meta.url).pathname;
const run = (args: readonly string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'pt-review-decisions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const themes = ['housing', 'school-attendance'];

function thrown(f: () => unknown) {
  try {
    f();
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseDecisions', () => {
  it('accepts decisions from the review page and the queue', () => {
    const d = parseDecisions('{"id":"a.txt#3","text":"Damp flat.","themes":["housing"],"document":"a.txt","start":10,"end":20,"reviewer":"AB","date":"2026-12-01"}\n\n{"id":"a.txt#4","text":"Nothing here.","themes":[]}\n', { themes });
    expect(d.map((x) => x.id)).toEqual(['a.txt#3', 'a.txt#4']);
  });

  it.each([
    ['an unknown theme', '{"id":"a","text":"x","themes":[]}\n{"id":"b","text":"y","themes":["health"]}', 'UNKNOWN_THEME', 2, /unknown theme "health"/],
    ['a repeated id', '{"id":"a","text":"x","themes":[]}\n\n{"id":"a","text":"y","themes":[]}', 'INVALID_INPUT', 3, /id "a" repeats line 1/],
    ['an empty text', '{"id":"a","text":"  ","themes":[]}', 'INVALID_INPUT', 1, /text must not be empty/],
    ['a line that is not JSON', '{"id":"a","text":"x","themes":[]}\n{"id":', 'INVALID_INPUT', 2, /not valid JSON/],
    ['a misspelt field', '{"id":"a","text":"x","theme":["housing"]}', 'INVALID_INPUT', 1, /line 1/],
  ])('rejects %s with its line', (_name, source, code, line, message) => {
    const e = thrown(() => parseDecisions(source, { file: 'd.jsonl', themes }));
    expect(e.code).toBe(code);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(/d\.jsonl:/);
    expect(e.message).toMatch(message);
  });
});

describe('decisionsToUnits and holdOutReviewed', () => {
  const decisions = Array.from({ length: 20 }, (_, i) => ({ id: `doc${i % 5}.txt#${i}`, text: `Passage ${i}.`, themes: i % 2 ? ['housing'] : [], document: `doc${i % 5}.txt` }));

  it('gives units provenance (source review, reviewer, date) that the corpus schema accepts, grouped by document', () => {
    const units = decisionsToUnits(decisions, { reviewer: 'AB', date: '2026-12-04' });
    expect(units[0]).toMatchObject({ source: 'review', reviewer: 'AB', date: '2026-12-04', group: 'doc0.txt' });
    expect(parseCorpus(units.map((u) => JSON.stringify(u)).join('\n'))).toHaveLength(20);
  });

  it('holds out about the share asked, whole documents, deterministically', () => {
    const units = decisionsToUnits(decisions);
    const { train, heldOut } = holdOutReviewed(units, 0.2);
    expect(heldOut.length).toBe(4);
    expect(train.length + heldOut.length).toBe(20);
    const heldDocs = new Set(heldOut.map((u) => u.group));
    expect(train.some((u) => heldDocs.has(u.group))).toBe(false);
    expect(holdOutReviewed(units, 0.2)).toEqual({ train, heldOut });
  });
});

describe('the calibration subset by default', () => {
  const written: CorpusUnit[] = Array.from({ length: 50 }, (_, i) => ({ id: `w${i}`, text: `Written unit ${i}.`, themes: [] }));
  const reviewed = (n: number) => decisionsToUnits(Array.from({ length: n }, (_, i) => ({ id: `r${i}`, text: `Reviewed passage ${i}.`, themes: [] })), { date: '2026-12-05' });

  it('is the real-register units once there are enough of them, every unit before', () => {
    const few = [...written, ...reviewed(MIN_REAL_FOR_CALIBRATION - 1)];
    const enough = [...written, ...reviewed(MIN_REAL_FOR_CALIBRATION)];
    expect(calibratesOnReal(few)).toBe(false);
    expect(calibratesOnReal(enough)).toBe(true);
    expect(trainingExamplesOf(few).some((e) => e.calibrate !== undefined)).toBe(false);
    const examples = trainingExamplesOf(enough);
    expect(examples.filter((e) => e.calibrate === true)).toHaveLength(MIN_REAL_FOR_CALIBRATION);
    expect(examples.filter((e) => e.calibrate === false)).toHaveLength(written.length);
    // Asked for, it holds with any number.
    expect(trainingExamplesOf(few, { calibrateOnReal: true }).filter((e) => e.calibrate === true)).toHaveLength(MIN_REAL_FOR_CALIBRATION - 1);
  });
});

describe('train --add (built CLI)', () => {
  it('folds decisions in, prints F1 before and after on held-out reviewed passages, and writes units with provenance', () => {
    // Decisions on new passages in the corpus's two themes.
    const corpus = readFileSync(join(ROOT, 'test/fixtures/mini-corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; themes: string[] });
    const decisions = corpus.slice(0, 30).map((u, i) => ({ id: `case-${i % 6}.txt#${i}`, text: `In the case file: ${u.text.toLowerCase()}`, themes: u.themes, document: `case-${i % 6}.txt` }));
    const file = join(dir, 'decisions.jsonl');
    writeFileSync(file, decisions.map((d) => JSON.stringify(d)).join('\n'));
    const model = join(dir, 'model.json');
    const units = join(dir, 'reviewed.jsonl');
    const r = run(['train', 'test/fixtures/mini-corpus.jsonl', '--add', file, '--reviewer', 'A. Reviewer', '--write-units', units, '--taxonomy', 'test/fixtures/mini-taxonomy.json', '--rules', 'test/fixtures/mini-rules.json', '--folds', '3', '--out', model]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/added 30 reviewed passages; learned from \d+, held out \d+/);
    expect(r.stderr).toMatch(/Housing conditions\s+\d\.\d{3}\s+\d\.\d{3}/);
    expect(r.stderr).toMatch(/macro F1\s+\d\.\d{3}\s+\d\.\d{3}/);
    const trainUnits = readFileSync(join(ROOT, 'test/fixtures/mini-corpus.jsonl'), 'utf8').trim().split('\n').filter((l) => JSON.parse(l).split === 'train').length;
    expect(r.stderr).toContain(`trained on ${trainUnits + 30} units`);
    const written = readFileSync(units, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(written).toHaveLength(30);
    expect(written[0]).toMatchObject({ source: 'review', reviewer: 'A. Reviewer', group: 'case-0.txt' });
    expect(written[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const saved = JSON.parse(readFileSync(model, 'utf8')) as { labels: string[]; training: { calibration?: { examples: number } } };
    expect(saved.labels).toEqual(['housing', 'school-attendance']);
    // 30 reviewed passages are too few to fit thresholds on alone: fitted on every unit, and said so.
    expect(saved.training.calibration).toBeUndefined();
    expect(r.stderr).toMatch(/fitted on every unit: 30 real-register or reviewed unit\(s\), fewer than the 200/);
  });

  it('fits thresholds on the reviewed passages alone when asked (--calibrate-on real)', () => {
    const corpus = readFileSync(join(ROOT, 'test/fixtures/mini-corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; themes: string[] });
    const decisions = corpus.slice(0, 30).map((u, i) => ({ id: `case-${i % 6}.txt#${i}`, text: `In the case file: ${u.text.toLowerCase()}`, themes: u.themes, document: `case-${i % 6}.txt` }));
    const file = join(dir, 'decisions-real.jsonl');
    writeFileSync(file, decisions.map((d) => JSON.stringify(d)).join('\n'));
    const model = join(dir, 'model-real.json');
    const r = run(['train', 'test/fixtures/mini-corpus.jsonl', '--add', file, '--calibrate-on', 'real', '--taxonomy', 'test/fixtures/mini-taxonomy.json', '--rules', 'test/fixtures/mini-rules.json', '--folds', '3', '--out', model]);
    expect(r.code, r.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(model, 'utf8')) as { training: { calibration?: { examples: number; description: string } } };
    expect(saved.training.calibration).toMatchObject({ examples: 30, description: 'reviewed passages (source "review"), grouped by document' });
    expect(r.stderr).not.toMatch(/fitted on every unit/);
  });

  it('stops on a decision with an unknown theme, naming file and line (exit 1)', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id":"a","text":"The GP was not told.","themes":["health"]}');
    const r = run(['train', 'test/fixtures/mini-corpus.jsonl', '--add', file, '--no-rules', '--out', join(dir, 'm.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl:1/);
    expect(r.stderr).toMatch(/unknown theme "health"/);
  });
});
