import languageModel from 'wink-eng-lite-web-model';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli';
import { runEval } from '../src/commands/eval';
import { runAgreement } from '../src/commands/agreement';
import { defaultDevSetPath, runEvalDev } from '../src/commands/eval-dev';
import type { CliIO } from '../src/commands/common';
import { AblationSchema, AgreementSchema, ComparisonSchema, CrossValidationSchema, TaggerEvaluationSchema } from '../src/eval/report-schema';
import { serializeModel } from '../src/nb/model-file';
import { trainModel } from '../src/nb/train';
import { createTextAnalyzer } from '../src/text/analyzer';

// A made-up two-theme taxonomy in temporary files: data, a model trained on it, a rule set.
const TOWNS = ['Ashford', 'Bexley', 'Crawley', 'Dover', 'Epsom', 'Frome'];
const units = TOWNS.flatMap((town, g) => [
  { id: `${g}-a`, text: `The nurse made a home visit to the flat in ${town}.`, themes: ['home-visits'], group: town, split: g < 4 ? 'train' : 'test' },
  { id: `${g}-b`, text: `The worker did not record the concern on the case file.`, themes: ['record-keeping'], group: town, split: g < 4 ? 'train' : 'test' },
  { id: `${g}-c`, text: `The family moved to ${town} in ${2010 + g}.`, themes: [], group: town, split: g < 4 ? 'train' : 'test' },
  { id: `${g}-d`, text: `After a home visit nobody updated the case file.`, themes: ['home-visits', 'record-keeping'], group: town, split: g < 4 ? 'train' : 'test' },
]);
const ruleSet = JSON.parse(readFileSync(new URL('./fixtures/visits-rules.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let dir = '';
let data = '';
let model = '';
let rules = '';
let corpusHash = '';
const jsonl = (rows: readonly object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eval-commands-'));
  data = join(dir, 'data.jsonl');
  writeFileSync(data, jsonl(units));
  const trained = trainModel(units, { labels: ['home-visits', 'record-keeping'], analyzer: createTextAnalyzer(languageModel), folds: 3 });
  corpusHash = trained.training.corpusHash;
  model = join(dir, 'model.json');
  writeFileSync(model, serializeModel(trained));
  rules = join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify(ruleSet));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: (args: readonly string[], io: CliIO) => Promise<number>, args: readonly string[]): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await command(args, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: out, stderr: err };
}
const cli = (args: readonly string[]): Promise<Run> => run(main, args);
const tagger = (): string[] => ['--model', model, '--rules', rules];

describe('eval', () => {
  it('scores the given tagger and prints a table (exit 0)', async () => {
    const { code, stdout } = await run(runEval, [data, ...tagger()]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Evaluation: ${units.length} units, 2 themes, mode fused`);
    expect(stdout).toMatch(/^home-visits\s+\d\.\d{3}/m);
  });

  it.each([
    ['json', (out: string) => expect(TaggerEvaluationSchema.parse(JSON.parse(out)).units).toBe(units.length)],
    ['csv', (out: string) => expect(out.split('\n')[0]).toBe('theme,precision,recall,f1,support,tp,fp,fn,tn,kappa')],
    ['markdown', (out: string) => expect(out).toContain('| theme | precision | recall | F1 | support | kappa |')],
  ])('prints --format %s', async (format, check) => {
    const { code, stdout } = await run(runEval, [data, ...tagger(), '--format', format]);
    expect(code).toBe(0);
    check(stdout);
  });

  it('--mode ablation compares rules, model and fused', async () => {
    const { stdout } = await run(runEval, [data, ...tagger(), '--mode', 'ablation', '--format', 'json']);
    expect(AblationSchema.parse(JSON.parse(stdout)).reports.map((r) => r.mode)).toEqual(['rules', 'model', 'fused']);
  });

  it('--split test keeps only the test units', async () => {
    const { stdout } = await run(runEval, [data, ...tagger(), '--split', 'test', '--format', 'json']);
    expect(JSON.parse(stdout).units).toBe(units.filter((u) => u.split === 'test').length);
  });

  it('reads a corpus folder, with --split', async () => {
    const folder = join(dir, 'corpus');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'part.jsonl'), jsonl(units.map((u) => ({ ...u, genre: 'agency-practice' }))));
    const { code, stdout } = await run(runEval, [folder, ...tagger(), '--split', 'train', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).units).toBe(units.filter((u) => u.split === 'train').length);
  });

  it('--folds K cross-validates with a fresh model per fold', async () => {
    const { code, stdout } = await run(runEval, [data, '--rules', rules, '--folds', '3', '--mode', 'ablation', '--format', 'json']);
    expect(code).toBe(0);
    const report = CrossValidationSchema.parse(JSON.parse(stdout));
    expect(report.folds).toBe(3);
    expect(report.labels).toEqual(['home-visits', 'record-keeping']);
    expect(report.modes.map((m) => m.mode)).toEqual(['rules', 'model', 'fused']);
  });

  it('--bootstrap N adds intervals of every F1 (by group), in the table, the JSON and the CSV', async () => {
    const table = await run(runEval, [data, ...tagger(), '--bootstrap', '200']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`200 resamples of ${TOWNS.length} groups (whole groups resampled), seed 1`);
    expect(table.stdout).toMatch(/F1 95% CI/);
    expect(table.stdout).toMatch(/^macro average(\s+\d\.\d{3}){3}\s+\d\.\d{3} – \d\.\d{3}/m);
    const json = TaggerEvaluationSchema.parse(JSON.parse((await run(runEval, [data, ...tagger(), '--bootstrap', '200', '--seed', '4', '--confidence', '0.9', '--format', 'json'])).stdout));
    expect(json.intervals).toMatchObject({ resamples: 200, level: 0.9, seed: 4, resampledBy: 'group' });
    const csv = (await run(runEval, [data, ...tagger(), '--bootstrap', '50', '--format', 'csv'])).stdout.split('\n');
    expect(csv[0]).toBe('theme,precision,recall,f1,support,tp,fp,fn,tn,kappa,f1_low,f1_high');
    expect(csv[1]!.split(',')).toHaveLength(12);
  });

  it('--by FIELD scores each value apart, in the table and the JSON', async () => {
    const table = (await run(runEval, [data, ...tagger(), '--by', 'split'])).stdout;
    expect(table).toContain('By split:');
    expect(table).toMatch(/^train\s+16\s+\d\.\d{3}/m);
    expect(table).toMatch(/^test\s+8\s+\d\.\d{3}/m);
    const report = TaggerEvaluationSchema.parse(JSON.parse((await run(runEval, [data, ...tagger(), '--by', 'split', '--format', 'json'])).stdout));
    expect(report.breakdown!.rows.map((r) => [r.value, r.units])).toEqual([['train', 16], ['test', 8]]);
    const ablation = (await run(runEval, [data, ...tagger(), '--by', 'group', '--mode', 'ablation'])).stdout;
    expect(ablation).toMatch(/group\s+units\s+rules macro F1\s+model macro F1\s+fused macro F1/);
  });

  it('--by takes null or a missing field as no value, and never an inherited property', async () => {
    const mixed = join(dir, 'mixed.jsonl');
    writeFileSync(mixed, jsonl(units.map((u, i) => ({ ...u, kind: i % 3 === 0 ? null : i % 3 === 1 ? 'summary' : undefined }))));
    const rows = TaggerEvaluationSchema.parse(JSON.parse((await run(runEval, [mixed, ...tagger(), '--by', 'kind', '--format', 'json'])).stdout)).breakdown!.rows;
    expect(rows.map((r) => [r.value, r.units])).toEqual([['(none)', 16], ['summary', 8]]);
    const inherited = TaggerEvaluationSchema.parse(JSON.parse((await run(runEval, [data, ...tagger(), '--by', 'constructor', '--format', 'json'])).stdout)).breakdown!.rows;
    expect(inherited.map((r) => r.value)).toEqual(['(none)']);
  });

  it('--by a field whose value is an object is bad input naming the line', async () => {
    const odd = join(dir, 'odd.jsonl');
    writeFileSync(odd, jsonl([units[0]!, { ...units[1]!, kind: { nested: true } }]));
    const { code, stderr } = await cli(['eval', odd, ...tagger(), '--by', 'kind']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/line 2/);
  });

  it('--against-model / --against-rules compare two taggers: each F1 and A - B, paired', async () => {
    const half = join(dir, 'half-rules.json');
    const rules = ruleSet.rules as unknown[];
    writeFileSync(half, JSON.stringify({ ...ruleSet, name: 'visits-half', rules: rules.slice(0, 1) }));
    const { code, stdout } = await run(runEval, [data, ...tagger(), '--against-rules', half, '--bootstrap', '200']);
    expect(code).toBe(0);
    expect(stdout).toContain('tagger A against tagger B');
    expect(stdout).toMatch(/^B: model .*; rule sets: visits-half; mode fused$/m);
    expect(stdout).toMatch(/^macro average\s+\d\.\d{3}\s+\d\.\d{3}\s+[+-]\d\.\d{3} \[[+-]\d\.\d{3} – [+-]\d\.\d{3}\]\s+\d+%/m);
    const json = ComparisonSchema.parse(JSON.parse((await run(runEval, [data, ...tagger(), '--against-model', model, '--format', 'json'])).stdout));
    // The same model on both sides: no difference, and the default 1000 resamples.
    expect(json.difference).toMatchObject({ resamples: 1000, macro: { f1: { difference: 0, low: 0, high: 0 } } });
    const csv = (await run(runEval, [data, ...tagger(), '--against-model', model, '--bootstrap', '20', '--format', 'csv'])).stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('tagger,theme,precision,recall,f1,support,tp,fp,fn,tn,kappa,f1_low,f1_high');
    expect(csv.filter((l) => l.startsWith('a,')).length).toBe(csv.filter((l) => l.startsWith('b,')).length);
  });

  it('--bootstrap with --mode ablation prints fused minus each other mode', async () => {
    const { code, stdout } = await run(runEval, [data, ...tagger(), '--mode', 'ablation', '--bootstrap', '100']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/fused - rules\s+fused - model/);
    expect(stdout).toMatch(/^macro average\s+[+-]\d\.\d{3} \[[+-]\d\.\d{3} – [+-]\d\.\d{3}\], ahead \d+%/m);
  });

  it.each([
    [['--confidence', '0.9'], /--confidence applies only with --bootstrap/],
    [['--bootstrap', '100', '--confidence', '95'], /--confidence must be a number between 0 and 1/],
    [['--bootstrap', '0'], /--bootstrap must be a whole number of 1 or more/],
    [['--bootstrap', '200000'], /--bootstrap takes at most 100000 resamples/],
    [['--mode', 'rules', '--against-model', 'm.json'], /compares nothing with --mode rules/],
    [['--mode', 'model', '--against-rules', 'r.json'], /compares nothing with --mode model/],
    [['--by', 'themes'], /--by needs a field other than id, text and themes/],
    [['--seed', '3'], /--seed applies only with --folds or --bootstrap/],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await cli(['eval', data, ...tagger(), ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('--errors writes the mis-tagged units as CSV', async () => {
    const errors = join(dir, 'errors.csv');
    // Rules alone cannot find record-keeping: there are errors to list.
    await run(runEval, [data, ...tagger(), '--mode', 'rules', '--errors', errors, '--format', 'csv']);
    const lines = readFileSync(errors, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('id,gold,predicted,missing,extra,excerpt');
    expect(lines.some((l) => l.startsWith('0-b,record-keeping,,record-keeping,,'))).toBe(true);
  });
});

describe('exit codes through the CLI', () => {
  it.each([
    [['eval'], /exactly one DATA path/],
    [['eval', 'x.jsonl', '--format', 'xml'], /--format must be one of table, markdown, json, csv/],
    [['eval', 'x.jsonl', '--folds', '3', '--model', 'm.json'], /do not apply with --folds/],
    [['eval', 'x.jsonl', '--folds', '1'], /--folds must be 2 or more/],
    [['eval', 'x.jsonl', '--seed', '3'], /applies only with --folds or --bootstrap/],
    [['eval', 'x.jsonl', '--labels', 'a'], /--labels applies only with --folds/],
    [['eval', 'x.jsonl', '--folds', '3', '--by', 'split'], /--by does not apply with --folds/],
    [['eval', 'x.jsonl', '--mode', 'ablation', '--against-model', 'm.json'], /do not apply with --folds or --mode ablation/],
    [['eval', 'x.jsonl', '--bogus'], /Unknown option/],
    [['agreement', 'a.jsonl'], /exactly two files/],
    [['eval-dev', 'a', 'b'], /at most one FILE/],
  ])('%j is bad usage: exit 2 with the usage', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: practice-themes');
  });

  it('a bad line is bad input: exit 1, naming file and line', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, jsonl(units.slice(0, 1)) + '{"id": "x", "themes": []}\n');
    const { code, stderr } = await cli(['eval', bad, ...tagger()]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}:2`);
    expect(stderr).toContain('text');
  });

  it('--split on data without a split field is bad input naming the line', async () => {
    const plain = join(dir, 'plain.jsonl');
    writeFileSync(plain, jsonl(units.map(({ split: _split, ...u }) => u)));
    const { code, stderr } = await cli(['eval', plain, ...tagger(), '--split', 'test']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${plain}:1`);
  });

  it('a repeated id is bad input naming the file', async () => {
    const twice = join(dir, 'twice.jsonl');
    writeFileSync(twice, jsonl([units[0]!, units[0]!]));
    const { code, stderr } = await cli(['eval', twice, ...tagger()]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${twice}: duplicate id "0-a"`);
  });

  it('a missing file is bad input: exit 1', async () => {
    const { code, stderr } = await cli(['eval', join(dir, 'nope.jsonl'), ...tagger()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/nope\.jsonl.*no such file/);
  });

  it('gold themes unknown to the tagger are bad input', async () => {
    const odd = join(dir, 'odd.jsonl');
    writeFileSync(odd, jsonl([{ id: 'o', text: 'A home visit.', themes: ['another-theme'] }]));
    const { code, stderr } = await cli(['eval', odd, ...tagger()]);
    expect(code).toBe(1);
    expect(stderr).toContain('another-theme');
  });
});

describe('agreement', () => {
  const a = () => join(dir, 'a.jsonl');
  const b = () => join(dir, 'b.jsonl');
  beforeAll(() => {
    writeFileSync(a(), jsonl([{ id: '1', themes: ['x'] }, { id: '2', themes: [] }, { id: '3', themes: ['x', 'y'] }]));
    writeFileSync(b(), jsonl([{ id: '1', themes: ['x'] }, { id: '2', themes: ['x'] }, { id: '3', themes: ['y'] }]));
  });

  it('prints kappa per theme and the disagreements', async () => {
    const { code, stdout } = await run(runAgreement, [a(), b()]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^x\s+-?\d\.\d{3}\s+0\.333/m);
    expect(stdout).toContain('disagreements    2 units');
  });

  it('prints json and csv', async () => {
    const json = AgreementSchema.parse(JSON.parse((await run(runAgreement, [a(), b(), '--format', 'json'])).stdout));
    expect(json.disagreements.map((d) => d.id)).toEqual(['2', '3']);
    const csv = (await run(runAgreement, [a(), b(), '--format', 'csv'])).stdout;
    expect(csv.split('\n')[0]).toBe('theme,kappa,observed,expected,both,only_a,only_b,neither');
  });

  it('labellings of different units are bad input naming the ids and files (exit 1)', async () => {
    const short = join(dir, 'short.jsonl');
    writeFileSync(short, jsonl([{ id: '1', themes: [] }]));
    const { code, stderr } = await cli(['agreement', a(), short]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${short} lacks 2 id(s) of ${a()}: "2", "3"`);
  });
});

describe('eval-dev', () => {
  it('looks for the shared development set beside the repository', () => {
    expect(defaultDevSetPath().replace(/\\/g, '/')).toMatch(/\/shared\/eval\/dev\.jsonl$/);
  });

  it('prints per-theme and macro F1 with the date and the model corpus hash', async () => {
    const { code, stdout } = await run(runEvalDev, [data, ...tagger()]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Development set: \d+ passages, \d{4}-\d{2}-\d{2}/);
    expect(stdout).toContain(`training corpus hash ${corpusHash}`);
    expect(stdout).toMatch(/^home-visits\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}/m);
    expect(stdout).toMatch(/^macro average\s+\d\.\d{3}/m);
    expect(stdout).toContain('never trained or tuned on');
  });

  it('prints json with the date, the model and the scores', async () => {
    const { stdout } = await run(runEvalDev, [data, ...tagger(), '--format', 'json']);
    const out = JSON.parse(stdout);
    expect(out.model.corpusHash).toBe(corpusHash);
    expect(out.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.macro.f1).toBeGreaterThanOrEqual(0);
    expect(out).not.toHaveProperty('errors');
  });

  it('--bootstrap N adds F1 intervals to the table and the json', async () => {
    const table = (await run(runEvalDev, [data, ...tagger(), '--bootstrap', '100'])).stdout;
    expect(table).toMatch(/^macro average(\s+\d\.\d{3}){3}\s+\d\.\d{3} – \d\.\d{3}/m);
    expect(table).toContain(`100 resamples of ${TOWNS.length} groups`);
    const out = JSON.parse((await run(runEvalDev, [data, ...tagger(), '--bootstrap', '100', '--format', 'json'])).stdout);
    expect(out.intervals.macro.f1.estimate).toBeCloseTo(out.macro.f1, 12);
  });

  it('--by FIELD adds scores per value of the field', async () => {
    const { stdout } = await run(runEvalDev, [data, ...tagger(), '--by', 'split']);
    expect(stdout).toMatch(/^split\s+units\s+macro F1\s+micro F1/m);
    expect(stdout).toMatch(/^train\s+16\s/m);
  });

  it('a FILE that does not exist is bad input (exit 1)', async () => {
    const { code, stderr } = await cli(['eval-dev', join(dir, 'missing.jsonl'), ...tagger()]);
    expect(code).toBe(1);
    expect(stderr).toContain('missing.jsonl');
  });
});
