/**
 * Printing reports: `table` (aligned plain text for a terminal), `markdown`,
 * `json` (the whole report, unrounded) and `csv` (stable columns, see
 * format-csv.ts). Rounding happens here and nowhere else.
 */
import { renderMarkdown, renderPlain, type Block } from './format-blocks';
import { ablationBlocks, agreementBlocks, crossValidationBlocks, evaluationBlocks } from './format-sections';
import { comparisonBlocks } from './format-comparison';
import { ablationCsv, agreementCsv, comparisonCsv, crossValidationCsv, errorsCsv, evaluationCsv } from './format-csv';
import type { EvaluationError, Report } from './report-schema';

/** Output formats of the evaluation commands. */
export const OUTPUT_FORMATS = ['table', 'markdown', 'json', 'csv'] as const;
/** An output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A report as text in the given format (ends with a newline). */
export function formatReport(report: Report, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'csv') return reportCsv(report);
  const blocks = reportBlocks(report);
  return format === 'markdown' ? renderMarkdown(blocks) : renderPlain(blocks);
}

/**
 * The mis-tagged units of a report, for an errors CSV: the evaluation's own, or
 * for a report of several modes those of `fused` (else the first mode).
 * Agreement reports have none (their disagreements are in the report itself).
 */
export function reportErrors(report: Report): EvaluationError[] {
  switch (report.kind) {
    case 'evaluation':
      return report.errors;
    case 'ablation':
      return (report.reports.find((r) => r.mode === 'fused') ?? report.reports[0])?.errors ?? [];
    case 'cross-validation':
      return (report.modes.find((m) => m.mode === 'fused') ?? report.modes[0])?.pooled.errors ?? [];
    case 'agreement':
      return [];
    case 'comparison':
      return report.a.errors;
  }
}

/** The errors CSV (`id,gold,predicted,missing,extra,excerpt`) of a report. */
export function formatErrorsCsv(report: Report): string {
  return errorsCsv(reportErrors(report));
}

function reportCsv(report: Report): string {
  switch (report.kind) {
    case 'evaluation':
      return evaluationCsv(report);
    case 'ablation':
      return ablationCsv(report);
    case 'cross-validation':
      return crossValidationCsv(report);
    case 'agreement':
      return agreementCsv(report);
    case 'comparison':
      return comparisonCsv(report);
  }
}

function reportBlocks(report: Report): Block[] {
  switch (report.kind) {
    case 'evaluation':
      return evaluationBlocks(report);
    case 'ablation':
      return ablationBlocks(report);
    case 'cross-validation':
      return crossValidationBlocks(report);
    case 'agreement':
      return agreementBlocks(report);
    case 'comparison':
      return comparisonBlocks(report);
  }
}
