/** The printed form of a comparison of two taggers: F1 side by side, and the paired difference. */
import { fixed, type Block } from './format-blocks';
import { differenceText, fewClusters, percent } from './format-intervals';
import type { Comparison, Difference, TaggerEvaluation } from './report-schema';

/** Blocks of a comparison report. */
export function comparisonBlocks(report: Comparison): Block[] {
  const { a, b, difference } = report;
  const cell = differenceText;
  const ahead = (d: Difference): string => `${Math.round(d.aAhead * 100)}%`;
  const level = percent(difference.level);
  return [
    { kind: 'heading', text: `Comparison: ${a.units} units, ${a.themes.length} themes, tagger A against tagger B` },
    { kind: 'text', lines: [`A: ${describe(a)}`, `B: ${describe(b)}`] },
    {
      kind: 'text',
      lines: [
        `A - B: A's F1 minus B's, with its ${level} paired bootstrap interval (${difference.resamples} resamples of ${difference.clusters}`,
        `${difference.resampledBy === 'group' ? 'groups, whole groups resampled' : 'units'}, seed ${difference.seed}${fewClusters(difference)}); "A ahead": share of resamples in which A's F1 was higher.`,
        'An interval that excludes 0 is unlikely to be the luck of which units happened to be evaluated.',
      ],
    },
    {
      kind: 'table',
      headers: ['theme', 'A F1', 'B F1', 'A - B', 'A ahead', 'support'],
      rows: [
        ...a.perTheme.map((m, t) => [m.theme, fixed(m.f1), fixed(b.perTheme[t]!.f1), cell(difference.perTheme[t]!.f1), ahead(difference.perTheme[t]!.f1), String(m.support)]),
        ['micro average', fixed(a.micro.f1), fixed(b.micro.f1), cell(difference.micro.f1), ahead(difference.micro.f1), ''],
        ['macro average', fixed(a.macro.f1), fixed(b.macro.f1), cell(difference.macro.f1), ahead(difference.macro.f1), ''],
      ],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
    },
    {
      kind: 'text',
      lines: [
        `exact match   A ${fixed(a.exactMatch)}, B ${fixed(b.exactMatch)}`,
        `errors        A ${a.errors.length}, B ${b.errors.length} of ${a.units} units differ from gold (--errors FILE.csv lists A's)`,
      ],
    },
  ];
}

function describe(report: TaggerEvaluation): string {
  const model = report.model ? `model ${report.model.name} (training corpus hash ${report.model.corpusHash.slice(0, 12)}…)` : 'no model';
  return `${model}; rule sets: ${report.ruleSets.join(', ') || 'none'}; mode ${report.mode}`;
}

