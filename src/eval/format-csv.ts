/**
 * CSV output (RFC 4180: comma separated, fields quoted when they hold a comma,
 * quote or line break; `\n` line ends). Numbers are written unrounded so the CSV
 * can be analysed further. The column names are stable:
 *
 * - evaluation:       theme,precision,recall,f1,support,tp,fp,fn,tn,kappa
 * - ablation:         mode, then the evaluation columns
 * - comparison:       tagger (a or b), then the evaluation columns and f1_low,f1_high
 * - cross-validation: mode, the evaluation columns (pooled over folds), then f1_mean,f1_std,f1_min,f1_max
 * - agreement:        theme,kappa,observed,expected,both,only_a,only_b,neither
 * - errors:           id,gold,predicted,missing,extra,excerpt (theme lists joined by ";")
 *
 * A report with bootstrap intervals adds f1_low,f1_high at the end of each row (the
 * ablation and cross-validation CSVs per mode; the paired differences are in the JSON).
 *
 * After the theme rows come a `micro` row (precision/recall/F1 from pooled
 * counts, support and tp/fp/fn/tn summed, kappa empty) and a `macro` row
 * (unweighted means over themes, support summed, counts empty, kappa = mean
 * kappa); the agreement CSV ends with a `mean` row. An undefined kappa is empty.
 */
import type { Ablation, Agreement, Comparison, CrossValidation, EvaluationError, EvaluationSummary, ScoreIntervals } from './report-schema';

/** Columns of the evaluation CSV. */
export const EVALUATION_CSV_COLUMNS = ['theme', 'precision', 'recall', 'f1', 'support', 'tp', 'fp', 'fn', 'tn', 'kappa'] as const;
/** Extra columns of the cross-validation CSV, after `mode` and the evaluation columns. */
export const SPREAD_CSV_COLUMNS = ['f1_mean', 'f1_std', 'f1_min', 'f1_max'] as const;
/** Extra columns when the report carries bootstrap intervals, last in each row. */
export const INTERVAL_CSV_COLUMNS = ['f1_low', 'f1_high'] as const;
/** Columns of the agreement CSV. */
export const AGREEMENT_CSV_COLUMNS = ['theme', 'kappa', 'observed', 'expected', 'both', 'only_a', 'only_b', 'neither'] as const;
/** Columns of the errors CSV. */
export const ERRORS_CSV_COLUMNS = ['id', 'gold', 'predicted', 'missing', 'extra', 'excerpt'] as const;

type Cell = string | number | null | undefined;

/** The evaluation CSV of one summary. */
export function evaluationCsv(summary: EvaluationSummary & { intervals?: ScoreIntervals }): string {
  const i = summary.intervals;
  return csv([[...EVALUATION_CSV_COLUMNS, ...intervalColumns(i)], ...withIntervals(evaluationRows(summary), i)]);
}

/** The ablation CSV: one block of evaluation rows per mode. */
export function ablationCsv(report: Ablation): string {
  const i = report.reports[0]?.intervals;
  return csv([
    ['mode', ...EVALUATION_CSV_COLUMNS, ...intervalColumns(i)],
    ...report.reports.flatMap((r) => withIntervals(evaluationRows(r), r.intervals).map((row) => [r.mode, ...row])),
  ]);
}

/** The comparison CSV: each tagger's evaluation rows, `a` then `b` (the paired differences are in the JSON). */
export function comparisonCsv(report: Comparison): string {
  const sides = [['a', report.a], ['b', report.b]] as const;
  return csv([
    ['tagger', ...EVALUATION_CSV_COLUMNS, ...intervalColumns(report.a.intervals)],
    ...sides.flatMap(([name, r]) => withIntervals(evaluationRows(r), r.intervals).map((row) => [name, ...row])),
  ]);
}

/** The cross-validation CSV: pooled scores per mode with the spread of per-fold F1. */
export function crossValidationCsv(report: CrossValidation): string {
  const rows = report.modes.flatMap((m) => {
    const spreads = [...m.spread.perTheme.map((t) => t.f1), m.spread.microF1, m.spread.macroF1];
    const bounds = withIntervals(evaluationRows(m.pooled).map(() => []), m.pooled.intervals);
    return evaluationRows(m.pooled).map((row, i) => {
      const s = spreads[i]!;
      return [m.mode, ...row, s.mean, s.std, s.min, s.max, ...bounds[i]!];
    });
  });
  return csv([['mode', ...EVALUATION_CSV_COLUMNS, ...SPREAD_CSV_COLUMNS, ...intervalColumns(report.modes[0]?.pooled.intervals)], ...rows]);
}

/** The agreement CSV. */
export function agreementCsv(report: Agreement): string {
  return csv([
    AGREEMENT_CSV_COLUMNS,
    ...report.perTheme.map((t) => [t.theme, t.agreement.kappa, t.agreement.observed, t.agreement.expected, t.both, t.onlyA, t.onlyB, t.neither]),
    ['mean', report.meanKappa, '', '', '', '', '', ''],
  ]);
}

/** The errors CSV: one row per mis-tagged unit. */
export function errorsCsv(errors: readonly EvaluationError[]): string {
  return csv([
    ERRORS_CSV_COLUMNS,
    ...errors.map((e) => [e.id, e.gold.join(';'), e.predicted.join(';'), e.missing.join(';'), e.extra.join(';'), e.excerpt ?? '']),
  ]);
}

function evaluationRows(s: EvaluationSummary): Cell[][] {
  const total = (pick: (m: EvaluationSummary['perTheme'][number]) => number): number => s.perTheme.reduce((sum, m) => sum + pick(m), 0);
  return [
    ...s.perTheme.map((m) => [m.theme, m.precision, m.recall, m.f1, m.support, m.tp, m.fp, m.fn, m.tn, m.agreement.kappa]),
    ['micro', s.micro.precision, s.micro.recall, s.micro.f1, total((m) => m.support), total((m) => m.tp), total((m) => m.fp), total((m) => m.fn), total((m) => m.tn), ''],
    ['macro', s.macro.precision, s.macro.recall, s.macro.f1, total((m) => m.support), '', '', '', '', s.meanKappa],
  ];
}

const intervalColumns = (i: ScoreIntervals | undefined): readonly string[] => (i ? INTERVAL_CSV_COLUMNS : []);

// Rows in evaluationRows' order: the themes, then micro, then macro.
function withIntervals(rows: Cell[][], i: ScoreIntervals | undefined): Cell[][] {
  if (!i) return rows;
  const f1 = [...i.perTheme.map((t) => t.f1), i.micro.f1, i.macro.f1];
  return rows.map((row, k) => [...row, f1[k]?.low, f1[k]?.high]);
}

function csv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\n') + '\n';
}

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
