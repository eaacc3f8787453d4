/** The printed form of bootstrap intervals and of paired differences between modes. */
import { fixed, type Block } from './format-blocks';
import type { Difference, PairedBootstrap, ScoreIntervals } from './report-schema';

/** Says how the intervals in the tables below were drawn. */
export function intervalNote(intervals: ScoreIntervals | undefined): Block[] {
  if (!intervals) return [];
  return [{ kind: 'text', lines: [`F1 ${percent(intervals.level)} CI: bootstrap percentile interval, ${drawText(intervals)}.`] }];
}

function drawText(d: Pick<ScoreIntervals, 'resamples' | 'resampledBy' | 'clusters' | 'seed'>): string {
  return `${d.resamples} resamples of ${d.clusters} ${d.resampledBy === 'group' ? 'groups (whole groups resampled)' : 'units'}, seed ${d.seed}${fewClusters(d)}`;
}

/** Below this many groups (or units) a percentile interval is rough. */
const FEW_CLUSTERS = 20;

/** A warning for intervals drawn from few groups, else nothing. */
export function fewClusters(d: Pick<ScoreIntervals, 'resampledBy' | 'clusters'>): string {
  return d.clusters < FEW_CLUSTERS ? `; only ${d.clusters} ${d.resampledBy === 'group' ? 'groups' : 'units'}, so the intervals are rough` : '';
}

export const percent = (level: number): string => `${+(level * 100).toFixed(2)}%`;

/** Fused minus each other mode, paired on the same resamples. */
export function differenceBlocks(differences: readonly (PairedBootstrap & { a: string; b: string })[] | undefined): Block[] {
  if (!differences?.length) return [];
  const first = differences[0]!;
  const cell = (d: Difference): string => `${differenceText(d)}, ahead ${Math.round(d.aAhead * 100)}%`;
  return [
    {
      kind: 'text',
      lines: [
        `F1 of ${first.a} minus each other mode on the same units: the difference, its ${percent(first.level)} paired bootstrap interval,`,
        `and the share of resamples in which ${first.a} was ahead (${drawText(first)}).`,
        'An interval that excludes 0 is unlikely to be the luck of which units happened to be evaluated.',
      ],
    },
    {
      kind: 'table',
      headers: ['theme', ...differences.map((d) => `${d.a} - ${d.b}`)],
      rows: [
        ...first.perTheme.map((t, i) => [t.theme, ...differences.map((d) => cell(d.perTheme[i]!.f1))]),
        ['micro average', ...differences.map((d) => cell(d.micro.f1))],
        ['macro average', ...differences.map((d) => cell(d.macro.f1))],
      ],
      align: ['left', ...differences.map(() => 'right' as const)],
    },
  ];
}

/** A number with its sign, to 3 decimals: +0.125, -0.300. */
export const signed = (x: number): string => `${x >= 0 ? '+' : '-'}${fixed(Math.abs(x))}`;

/** A paired difference with its interval: +0.083 [+0.059 – +0.108]. */
export const differenceText = (d: Pick<Difference, 'difference' | 'low' | 'high'>): string => `${signed(d.difference)} [${signed(d.low)} – ${signed(d.high)}]`;

/** The interval cell of a table column that exists only when there are intervals: none without them, empty where one is missing. */
export function intervalCells(intervals: ScoreIntervals | undefined, interval: { low: number; high: number } | undefined): string[] {
  return intervals ? [interval ? `${fixed(interval.low)} – ${fixed(interval.high)}` : ''] : [];
}
