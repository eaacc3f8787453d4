/**
 * What a printed report says, as blocks (rendered as plain text or Markdown by
 * format-blocks.ts). Written for a reader new to the measures: each report opens
 * with what its columns mean.
 */
import { fixed, type Block } from './format-blocks';
import { breakdownBlocks } from './format-breakdown';
import { differenceBlocks, intervalCells, intervalNote, percent } from './format-intervals';
import type { Ablation, Agreement, ConfusionRow, CrossValidation, EvaluationSummary, ModeCrossValidation, ScoreIntervals, TaggerEvaluation, ThemeThreshold } from './report-schema';

const GLOSSARY: Block = {
  kind: 'text',
  lines: [
    'precision: share of the predicted themes that are in gold; recall: share of the gold themes that were predicted;',
    'F1: harmonic mean of the two; support: units carrying the theme in gold; kappa: agreement with gold beyond chance',
    '(1 = perfect, 0 = no better than chance, n/a = undefined). micro pools all decisions; macro averages the themes equally.',
  ],
};

/** Blocks of one tagger evaluation. */
export function evaluationBlocks(report: TaggerEvaluation): Block[] {
  return [
    { kind: 'heading', text: `Evaluation: ${report.units} units, ${report.themes.length} themes, mode ${report.mode}` },
    { kind: 'text', lines: [taggerLine(report)] },
    GLOSSARY,
    ...intervalNote(report.intervals),
    metricsTable(report, undefined, report.intervals),
    summaryText(report, report.errors.length),
    ...breakdownBlocks([report]),
    ...confusionBlocks(report.confusion, report.themes),
    ...thresholdBlocks('Model thresholds (cross-validated on the model\'s own training data)', report.thresholds),
  ];
}

/** Blocks of an ablation: F1 by mode side by side, then each mode's table. */
export function ablationBlocks(report: Ablation): Block[] {
  const first = report.reports[0];
  if (!first) return [{ kind: 'text', lines: ['(no modes evaluated)'] }];
  const modes = report.reports.map((r) => r.mode);
  const rows = first.themes.map((theme, t) => [theme, ...report.reports.map((r) => fixed(r.perTheme[t]?.f1))]);
  return [
    { kind: 'heading', text: `Ablation: ${first.units} units, F1 by mode` },
    {
      kind: 'text',
      lines: ['rules: rule sets alone; model: the naive Bayes model alone; fused: both combined (what the tagger does by default).'],
    },
    {
      kind: 'table',
      headers: ['theme', ...modes.map((m) => `${m} F1`)],
      rows: [
        ...rows,
        ['micro average', ...report.reports.map((r) => fixed(r.micro.f1))],
        ['macro average', ...report.reports.map((r) => fixed(r.macro.f1))],
        ['exact match', ...report.reports.map((r) => fixed(r.exactMatch))],
        ['Hamming loss', ...report.reports.map((r) => fixed(r.hammingLoss))],
      ],
      align: ['left', ...modes.map(() => 'right' as const)],
    },
    ...differenceBlocks(report.differences),
    ...breakdownBlocks(report.reports),
    ...intervalNote(first.intervals),
    ...report.reports.flatMap((r): Block[] => [{ kind: 'heading', text: `Mode ${r.mode}` }, metricsTable(r, undefined, r.intervals), summaryText(r, r.errors.length)]),
  ];
}


/** Blocks of a cross-validation report. */
export function crossValidationBlocks(report: CrossValidation): Block[] {
  return [
    {
      kind: 'heading',
      text: `Cross-validation: ${report.units} units, ${report.folds} grouped folds (seed ${report.seed})`,
    },
    {
      kind: 'text',
      lines: [
        `Each fold's model was trained on the other folds; units of one group never straddle folds. Fold sizes: ${report.foldSizes.join(', ')}.`,
        'Scores below pool every held-out unit; "F1 per fold" shows mean ± standard deviation [min – max] over the folds.',
      ],
    },
    GLOSSARY,
    ...intervalNote(report.modes[0]?.pooled.intervals),
    ...differenceBlocks(report.differences),
    ...report.modes.flatMap((m) => modeBlocks(m, report.modes.length > 1)),
    ...foldThresholdBlocks(report),
  ];
}

/** Blocks of an agreement report. */
export function agreementBlocks(report: Agreement): Block[] {
  return [
    { kind: 'heading', text: `Agreement: ${report.units} units labelled twice, ${report.themes.length} themes` },
    {
      kind: 'text',
      lines: [
        "kappa: Cohen's kappa per theme (1 = perfect, 0 = chance level, n/a = undefined because both sides answer every unit alike);",
        'observed: share of units on which A and B agree; expected: agreement expected by chance from their own rates.',
      ],
    },
    {
      kind: 'table',
      headers: ['theme', 'kappa', 'observed', 'expected', 'both', 'only A', 'only B', 'neither'],
      rows: report.perTheme.map((t) => [
        t.theme,
        fixed(t.agreement.kappa),
        fixed(t.agreement.observed),
        fixed(t.agreement.expected),
        String(t.both),
        String(t.onlyA),
        String(t.onlyB),
        String(t.neither),
      ]),
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    },
    {
      kind: 'text',
      lines: [
        `mean kappa       ${fixed(report.meanKappa)}`,
        `exact agreement  ${fixed(report.exactAgreement)}  share of units with identical theme sets`,
        `disagreements    ${report.disagreements.length} units`,
      ],
    },
    ...disagreementBlocks(report),
  ];
}

// The excerpt column only when the labellings carry text.
function disagreementBlocks(report: Agreement): Block[] {
  if (!report.disagreements.length) return [];
  const withText = report.disagreements.some((d) => d.excerpt !== undefined);
  return [
    {
      kind: 'table',
      headers: ['id', 'only A', 'only B', ...(withText ? ['excerpt'] : [])],
      rows: report.disagreements.map((d) => [d.id, d.onlyA.join(', ') || '-', d.onlyB.join(', ') || '-', ...(withText ? [d.excerpt ?? ''] : [])]),
      align: ['left', 'left', 'left', 'left'],
    },
  ];
}

function metricsTable(summary: EvaluationSummary, f1Spread?: ModeCrossValidation['spread'], intervals?: ScoreIntervals): Block {
  const spread = (t: number): string[] => {
    const s = f1Spread?.perTheme[t]?.f1;
    return f1Spread ? [s ? spreadText(s) : ''] : [];
  };
  const ci = (i: { low: number; high: number } | undefined): string[] => intervalCells(intervals, i);
  const rows = summary.perTheme.map((m, t) => [
    m.theme,
    fixed(m.precision),
    fixed(m.recall),
    fixed(m.f1),
    ...ci(intervals?.perTheme[t]?.f1),
    String(m.support),
    fixed(m.agreement.kappa),
    ...spread(t),
  ]);
  const ciHeader = intervals ? [`F1 ${percent(intervals.level)} CI`] : [];
  const extra = f1Spread ? ['F1 per fold'] : [];
  return {
    kind: 'table',
    headers: ['theme', 'precision', 'recall', 'F1', ...ciHeader, 'support', 'kappa', ...extra],
    rows: [
      ...rows,
      ['micro average', fixed(summary.micro.precision), fixed(summary.micro.recall), fixed(summary.micro.f1), ...ci(intervals?.micro.f1), String(totalSupport(summary)), '', ...(f1Spread ? [spreadText(f1Spread.microF1)] : [])],
      ['macro average', fixed(summary.macro.precision), fixed(summary.macro.recall), fixed(summary.macro.f1), ...ci(intervals?.macro.f1), '', fixed(summary.meanKappa), ...(f1Spread ? [spreadText(f1Spread.macroF1)] : [])],
    ],
    align: ['left', 'right', 'right', 'right', ...ciHeader.map(() => 'right' as const), 'right', 'right', ...extra.map(() => 'right' as const)],
  };
}

function summaryText(summary: EvaluationSummary, errors: number): Block {
  return {
    kind: 'text',
    lines: [
      `exact match   ${fixed(summary.exactMatch)}  share of units whose predicted themes equal the gold themes exactly`,
      `Hamming loss  ${fixed(summary.hammingLoss)}  share of (unit, theme) decisions that are wrong`,
      `mean kappa    ${fixed(summary.meanKappa)}  over the themes where kappa is defined`,
      `errors        ${errors} of ${summary.units} units differ from gold (--errors FILE.csv lists them)`,
    ],
  };
}

function confusionBlocks(rows: readonly ConfusionRow[], themes: readonly string[]): Block[] {
  const key = (i: number): string => `[${i + 1}]`;
  return [
    {
      kind: 'text',
      lines: [
        'Co-occurrence: each row takes the units carrying one gold theme (or none) and counts the themes predicted on them.',
        `Columns: ${themes.map((t, i) => `${key(i)} ${t}`).join(', ')}; "none": no theme predicted.`,
      ],
    },
    {
      kind: 'table',
      headers: ['gold', 'units', ...themes.map((_, i) => key(i)), 'none'],
      rows: rows.map((r) => [
        r.gold === null ? '(no gold theme)' : `${key(themes.indexOf(r.gold))} ${r.gold}`,
        String(r.units),
        ...themes.map((t) => String(r.predicted[t] ?? 0)),
        String(r.none),
      ]),
      align: ['left', 'right', ...themes.map(() => 'right' as const), 'right'],
    },
  ];
}

function thresholdBlocks(title: string, thresholds: readonly ThemeThreshold[]): Block[] {
  if (!thresholds.length) return [];
  return [
    { kind: 'text', lines: [title, 'A theme is predicted by the model when its probability is at least the threshold.'] },
    {
      kind: 'table',
      headers: ['theme', 'threshold', 'precision', 'recall', 'F1'],
      rows: thresholds.map((t) => [t.theme, fixed(t.threshold), fixed(t.precision), fixed(t.recall), fixed(t.f1)]),
      align: ['left', 'right', 'right', 'right', 'right'],
    },
  ];
}

function modeBlocks(m: ModeCrossValidation, titled: boolean): Block[] {
  return [
    ...(titled ? [{ kind: 'heading', text: `Mode ${m.mode}` } satisfies Block] : []),
    metricsTable(m.pooled, m.spread, m.pooled.intervals),
    summaryText(m.pooled, m.pooled.errors.length),
  ];
}

function foldThresholdBlocks(report: CrossValidation): Block[] {
  if (!report.thresholds.length) return [];
  const themes = report.labels;
  return [
    {
      kind: 'text',
      lines: [
        'Thresholds per fold, each chosen (best F1) on out-of-fold probabilities of that fold\'s TRAINING part only;',
        'precision/recall/F1 are what the threshold gave there: mean [min – max] over the folds.',
      ],
    },
    {
      kind: 'table',
      headers: ['theme', 'threshold', 'precision', 'recall', 'F1'],
      rows: themes.map((theme) => {
        const per = report.thresholds.map((f) => f.themes.find((t) => t.theme === theme)).filter((t): t is ThemeThreshold => t !== undefined);
        const range = (pick: (t: ThemeThreshold) => number): string => {
          const values = per.map(pick);
          const mean = values.reduce((s, v) => s + v, 0) / (values.length || 1);
          return `${fixed(mean)} [${fixed(Math.min(...values))} – ${fixed(Math.max(...values))}]`;
        };
        return [theme, range((t) => t.threshold), range((t) => t.precision), range((t) => t.recall), range((t) => t.f1)];
      }),
      align: ['left', 'right', 'right', 'right', 'right'],
    },
  ];
}

function taggerLine(report: TaggerEvaluation): string {
  const model = report.model ? `model ${report.model.name} (training corpus hash ${report.model.corpusHash.slice(0, 12)}…)` : 'no model';
  return `Tagger: ${model}; rule sets: ${report.ruleSets.join(', ') || 'none'}.`;
}

function spreadText(s: { mean: number; std: number; min: number; max: number }): string {
  return `${fixed(s.mean)} ± ${fixed(s.std)} [${fixed(s.min)} – ${fixed(s.max)}]`;
}

function totalSupport(summary: EvaluationSummary): number {
  return summary.perTheme.reduce((s, m) => s + m.support, 0);
}
