import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/eval/metrics';
import { labellingAgreement } from '../src/eval/kappa';
import { formatErrorsCsv, formatReport, OUTPUT_FORMATS, reportErrors } from '../src/eval/format';
import { AGREEMENT_CSV_COLUMNS, ERRORS_CSV_COLUMNS, EVALUATION_CSV_COLUMNS, SPREAD_CSV_COLUMNS } from '../src/eval/format-csv';
import { spreadOf } from '../src/eval/examples';
import { summarize } from '../src/eval/metrics';
import { TaggerEvaluationSchema, type Ablation, type CrossValidation, type TaggerEvaluation } from '../src/eval/report-schema';

const evaluation = evaluate(
  [
    { id: 'u1', text: 'Mother said, "all is well", and the case closed.', themes: ['alpha'] },
    { id: 'u2', text: 'Second unit.', themes: ['alpha', 'beta'] },
    { id: 'u3', text: 'Third unit.', themes: [] },
  ],
  [
    { id: 'u1', themes: [] },
    { id: 'u2', themes: ['alpha', 'beta'] },
    { id: 'u3', themes: ['beta'] },
  ],
);
const report: TaggerEvaluation = {
  kind: 'evaluation',
  mode: 'fused',
  model: { name: 'fixture-model', corpusHash: 'ab'.repeat(32) },
  ruleSets: ['fixture-rules'],
  ...evaluation,
  thresholds: [
    { theme: 'alpha', threshold: 0.41234, precision: 0.7, recall: 0.6, f1: 0.646 },
    { theme: 'beta', threshold: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 },
  ],
};
const ablation: Ablation = {
  kind: 'ablation',
  reports: (['rules', 'model', 'fused'] as const).map((mode) => ({ ...report, mode })),
};
const summary = summarize(evaluation);
const flat = spreadOf([0.5, 0.7]);
const crossValidation: CrossValidation = {
  kind: 'cross-validation',
  folds: 2,
  seed: 1,
  units: 3,
  labels: ['alpha', 'beta'],
  foldSizes: [2, 1],
  modes: [
    {
      mode: 'fused',
      pooled: evaluation,
      folds: [
        { fold: 0, ...summary },
        { fold: 1, ...summary },
      ],
      spread: { perTheme: summary.themes.map((theme) => ({ theme, f1: flat, precision: flat, recall: flat })), microF1: flat, macroF1: flat },
    },
  ],
  thresholds: [0, 1].map((fold) => ({ fold, themes: report.thresholds })),
};

describe('CSV: stable, documented columns', () => {
  it('evaluation: theme,precision,recall,f1,support,tp,fp,fn,tn,kappa then micro and macro rows', () => {
    const lines = formatReport(report, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe('theme,precision,recall,f1,support,tp,fp,fn,tn,kappa');
    expect(EVALUATION_CSV_COLUMNS.join(',')).toBe(lines[0]);
    expect(lines.map((l) => l.split(',')[0])).toEqual(['theme', 'alpha', 'beta', 'micro', 'macro']);
    // alpha: tp 1 (u2), fn 1 (u1), tn 1; beta: tp 1, fp 1 (u3), tn 1. Unrounded.
    expect(lines[1]).toBe(`alpha,1,0.5,${2 / 3},2,1,0,1,1,${evaluation.perTheme[0]!.agreement.kappa}`);
    expect(lines[3]).toBe(`micro,${2 / 3},${2 / 3},${2 / 3},3,2,1,1,2,`);
    expect(lines[4]).toBe(`macro,0.75,0.75,${2 / 3},3,,,,,${evaluation.meanKappa}`);
  });

  it('ablation: a leading mode column, one block per mode', () => {
    const lines = formatReport(ablation, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe(`mode,${EVALUATION_CSV_COLUMNS.join(',')}`);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([...Array(4).fill('rules'), ...Array(4).fill('model'), ...Array(4).fill('fused')]);
  });

  it('cross-validation: mode, the evaluation columns, then the F1 spread', () => {
    const lines = formatReport(crossValidation, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe('mode,theme,precision,recall,f1,support,tp,fp,fn,tn,kappa,f1_mean,f1_std,f1_min,f1_max');
    expect(SPREAD_CSV_COLUMNS.join(',')).toBe('f1_mean,f1_std,f1_min,f1_max');
    expect(lines[1]!.split(',').slice(-4)).toEqual([String(flat.mean), String(flat.std), '0.5', '0.7']);
    expect(lines).toHaveLength(5);
  });

  it('agreement: theme,kappa,observed,expected,both,only_a,only_b,neither then a mean row', () => {
    const agreement = labellingAgreement([{ id: '1', themes: ['x'] }, { id: '2', themes: [] }], [{ id: '1', themes: ['x'] }, { id: '2', themes: ['x'] }]);
    const lines = formatReport(agreement, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe(AGREEMENT_CSV_COLUMNS.join(','));
    expect(lines[0]).toBe('theme,kappa,observed,expected,both,only_a,only_b,neither');
    expect(lines[1]).toBe('x,0,0.5,0.5,1,0,1,0');
    expect(lines[2]).toBe('mean,0,,,,,,');
  });

  it('errors: id,gold,predicted,missing,extra,excerpt with ";"-joined themes and RFC 4180 quoting', () => {
    const lines = formatErrorsCsv(report).trimEnd().split('\n');
    expect(lines[0]).toBe(ERRORS_CSV_COLUMNS.join(','));
    expect(lines[0]).toBe('id,gold,predicted,missing,extra,excerpt');
    expect(lines[1]).toBe('u1,alpha,,alpha,,"Mother said, ""all is well"", and the case closed."');
    expect(lines[2]).toBe('u3,,beta,,beta,Third unit.');
  });

  it('errors of a multi-mode report are those of the fused mode', () => {
    expect(reportErrors(ablation)).toBe(ablation.reports[2]!.errors);
    expect(reportErrors(crossValidation)).toBe(evaluation.errors);
  });
});

describe('table: for a reader new to the measures', () => {
  const text = formatReport(report, 'table');

  it('names the tagger it scored', () => {
    expect(text).toContain(`Tagger: model fixture-model (training corpus hash ${'ab'.repeat(6)}…); rule sets: fixture-rules.`);
  });

  it('explains the columns, then aligns per-theme P/R/F1/support/kappa rounded to 3 places', () => {
    expect(text).toContain('precision: share of the predicted themes that are in gold');
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('theme '))!;
    expect(header.split(/\s{2,}/)).toEqual(['theme', 'precision', 'recall', 'F1', 'support', 'kappa']);
    const alpha = lines.find((l) => l.startsWith('alpha '))!;
    expect(alpha.split(/\s+/)).toEqual(['alpha', '1.000', '0.500', '0.667', '2', fixed3(evaluation.perTheme[0]!.agreement.kappa!)]);
    // Right-aligned numbers end in the same column as their header.
    expect(alpha.indexOf('0.667') + 5).toBe(header.indexOf('F1') + 2);
  });

  it('then micro/macro, exact match, Hamming loss, the co-occurrence table and the thresholds', () => {
    expect(text).toMatch(/micro average\s+0\.667\s+0\.667\s+0\.667\s+3/);
    expect(text).toMatch(/macro average\s+0\.750\s+0\.750\s+0\.667/);
    expect(text).toContain(`exact match   ${fixed3(1 / 3)}`);
    expect(text).toContain(`Hamming loss  ${fixed3(2 / 6)}`);
    expect(text).toMatch(/\(no gold theme\)\s+1\s+0\s+1\s+0/);
    expect(text).toMatch(/alpha\s+0\.412\s+0\.700\s+0\.600\s+0\.646/);
    expect(text).toContain('2 of 3 units differ from gold');
  });

  it('shows an undefined kappa as n/a', () => {
    const none = evaluate([{ id: 'a', themes: [] }], [{ id: 'a', themes: [] }], { themes: ['t'] });
    expect(formatReport({ ...report, ...none }, 'table')).toMatch(/^t\s+0\.000\s+0\.000\s+0\.000\s+0\s+n\/a$/m);
  });

  it('prints ablation F1 side by side and cross-validation spreads', () => {
    expect(formatReport(ablation, 'table')).toMatch(/theme\s+rules F1\s+model F1\s+fused F1/);
    const cv = formatReport(crossValidation, 'table');
    expect(cv).toContain('0.600 ± 0.141 [0.500 – 0.700]');
    expect(cv).toContain('2 grouped folds (seed 1)');
    expect(cv).toMatch(/alpha\s+0\.412 \[0\.412 – 0\.412\]/);
  });
});

describe('markdown and json', () => {
  it('markdown has headings and pipe tables with right-aligned number columns', () => {
    const md = formatReport(report, 'markdown');
    expect(md).toContain('## Evaluation: 3 units, 2 themes, mode fused');
    expect(md).toContain('| theme | precision | recall | F1 | support | kappa |');
    expect(md).toContain('| --- | ---: | ---: | ---: | ---: | ---: |');
    expect(md).toContain('| alpha | 1.000 | 0.500 | 0.667 | 2 |');
  });

  it('json is the whole report, unrounded, and parses back with its schema', () => {
    const json = JSON.parse(formatReport(report, 'json'));
    expect(TaggerEvaluationSchema.parse(json)).toEqual(report);
    expect(json.perTheme[0].f1).toBe(2 / 3);
  });

  it('every format ends with a newline', () => {
    for (const format of OUTPUT_FORMATS) expect(formatReport(report, format).endsWith('\n')).toBe(true);
  });
});

function fixed3(x: number): string {
  return x.toFixed(3);
}
