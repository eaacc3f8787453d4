/**
 * Bootstrap confidence intervals for evaluation scores. The units are resampled
 * with replacement, each resample is scored, and the interval is read from the
 * percentiles of those scores. Passages of one review are not independent (the
 * same reviewer's phrasing, the same case), so when the units carry a `group`
 * whole groups are resampled together: the intervals are then wider, and honest.
 *
 * Paired differences (`pairedBootstrap`) score two labellings of the same units on
 * the same resamples, so what they share cancels out: a difference whose interval
 * excludes 0 is unlikely to be noise of which units happened to be evaluated.
 */
import { z } from 'zod';
import { InputError, toIssues } from '../errors';
import { mulberry32 } from '../nb/random';
import { alignById, resolveThemes, type ItemsById, type LabelledItem } from './align';
import { prf, type Prediction } from './metrics';
import type { Interval, PairedBootstrap, PrfIntervals, ScoreIntervals } from './bootstrap-schema';

/** The most resamples a bootstrap draws. */
export const MAX_RESAMPLES = 100_000;

/** Settings of a bootstrap, validated by {@link bootstrapIntervals} and {@link pairedBootstrap}. */
export const BootstrapSettingsSchema = z.object({
  /** Resamples drawn. */
  resamples: z.number().int().min(1).max(MAX_RESAMPLES).default(1000),
  /** Coverage of each interval (0.95: from the 2.5th to the 97.5th percentile). */
  level: z.number().gt(0).lt(1).default(0.95),
  /** Seed of the resampling: the same seed gives the same intervals. */
  seed: z.number().int().default(1),
});
/** Settings of a bootstrap (every field optional; defaults 1000 resamples, level 0.95, seed 1). */
export type BootstrapSettings = z.input<typeof BootstrapSettingsSchema>;

/** Options of {@link bootstrapIntervals} and {@link pairedBootstrap}. */
export interface BootstrapOptions extends BootstrapSettings {
  /** Themes scored, as in `evaluate`. @default the union of gold and predicted themes, sorted */
  readonly themes?: readonly string[];
}

/**
 * Percentile intervals of every score `evaluate` reports as precision, recall and
 * F1 (per theme, micro and macro). Resamples whole groups when gold units carry a
 * `group` (a unit without one is its own group), else single units.
 * @throws InputError as `evaluate` does for mismatched ids or themes, and
 *   `INVALID_INPUT` for settings out of range.
 */
export function bootstrapIntervals(gold: ItemsById<LabelledItem>, predicted: ItemsById<Prediction>, options: BootstrapOptions = {}): ScoreIntervals {
  const settings = parseSettings(options);
  const { clusters, themes, counts } = clusterCounts(gold, [predicted], options.themes);
  const replicates = resample(counts[0]!, clusters.count, themes.length, settings);
  return {
    ...describe(settings, clusters),
    perTheme: themes.map((theme, t) => ({ theme, ...prfIntervals(replicates.perTheme[t]!, settings.level) })),
    micro: prfIntervals(replicates.micro, settings.level),
    macro: prfIntervals(replicates.macro, settings.level),
  };
}

/**
 * The difference a - b of two labellings of the same units (for example the fused
 * tagger against rules alone): the point difference of F1 per theme, micro and
 * macro, with its interval over paired resamples, and the share of resamples in
 * which a scored above b. Without `themes`, the themes are those of gold and of both
 * labellings; pass `themes` for the macro averages `evaluate` gives each labelling.
 */
export function pairedBootstrap(
  gold: ItemsById<LabelledItem>,
  a: ItemsById<Prediction>,
  b: ItemsById<Prediction>,
  options: BootstrapOptions = {},
): PairedBootstrap {
  const settings = parseSettings(options);
  const { clusters, themes, counts } = clusterCounts(gold, [a, b], options.themes);
  const ra = resample(counts[0]!, clusters.count, themes.length, settings);
  const rb = resample(counts[1]!, clusters.count, themes.length, settings);
  // Over the resamples where both F1s are defined (NaN - x is NaN).
  const diff = (x: Replicates['micro'], y: Replicates['micro']) => {
    const values = x.f1.map((v, i) => v - y.f1[i]!);
    const point = x.point.f1 - y.point.f1;
    const defined = values.filter((v) => !Number.isNaN(v));
    return { difference: point, ...percentiles(values, settings.level, point), aAhead: defined.length ? defined.filter((v) => v > 0).length / defined.length : 0 };
  };
  return {
    ...describe(settings, clusters),
    perTheme: themes.map((theme, t) => ({ theme, f1: diff(ra.perTheme[t]!, rb.perTheme[t]!) })),
    micro: { f1: diff(ra.micro, rb.micro) },
    macro: { f1: diff(pairedMacro(ra, rb), pairedMacro(rb, ra)) },
  };
}

/**
 * x's macro F1 per resample over the themes whose F1 is defined for both labellings
 * there, so that both macros of a resample average the same themes.
 */
function pairedMacro(x: Replicates, y: Replicates): Replicates['macro'] {
  const n = x.macro.f1.length;
  const f1 = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let sum = 0;
    let used = 0;
    for (let t = 0; t < x.perTheme.length; t++) {
      const a = x.perTheme[t]!.f1[r]!;
      if (Number.isNaN(a) || Number.isNaN(y.perTheme[t]!.f1[r]!)) continue;
      sum += a;
      used++;
    }
    f1[r] = used ? sum / used : Number.NaN;
  }
  return { ...x.macro, f1 };
}

type Settings = z.output<typeof BootstrapSettingsSchema>;

function parseSettings(options: BootstrapSettings): Settings {
  const parsed = BootstrapSettingsSchema.safeParse({ resamples: options.resamples, level: options.level, seed: options.seed });
  if (!parsed.success) throw new InputError('invalid bootstrap settings', { issues: toIssues(parsed.error.issues) });
  return parsed.data;
}

interface Clusters {
  readonly count: number;
  readonly by: 'group' | 'unit';
}

function describe(settings: Settings, clusters: Clusters) {
  return { resamples: settings.resamples, level: settings.level, seed: settings.seed, resampledBy: clusters.by, clusters: clusters.count };
}

/**
 * Per labelling, confusion counts per cluster and theme: `counts[c * 3T + 3t + k]`,
 * k = 0, 1, 2 for tp, fp, fn. Clusters in order of first appearance.
 */
function clusterCounts(gold: ItemsById<LabelledItem>, predictions: readonly ItemsById<Prediction>[], themesOption: readonly string[] | undefined) {
  const names = ['gold', 'predicted'] as const;
  const aligned = predictions.map((p) => alignById(gold, p, names));
  const first = aligned[0]!;
  if (!first.length) throw new InputError('nothing to evaluate: no units');
  const themes = resolveThemes(aligned.flat(), themesOption, names);
  const grouped = first.some((p) => p.a.group !== undefined);
  const clusterOf = new Map<string, number>();
  const clusterIds = first.map((p) => {
    const key = grouped && p.a.group !== undefined ? `g:${p.a.group}` : `u:${p.id}`;
    let c = clusterOf.get(key);
    if (c === undefined) clusterOf.set(key, (c = clusterOf.size));
    return c;
  });
  const T = themes.length;
  const counts = aligned.map((pairs) => {
    const out = new Float64Array(clusterOf.size * 3 * T);
    // alignById keeps gold's order, so pairs[i] is the same unit in every labelling.
    pairs.forEach((p, i) => {
      const at = clusterIds[i]! * 3 * T;
      themes.forEach((theme, t) => {
        const g = p.aThemes.has(theme);
        const q = p.bThemes.has(theme);
        if (g && q) out[at + 3 * t]!++;
        else if (q) out[at + 3 * t + 1]!++;
        else if (g) out[at + 3 * t + 2]!++;
      });
    });
    return out;
  });
  if (clusterOf.size < 2) {
    throw new InputError(`a bootstrap needs at least 2 ${grouped ? 'groups' : 'units'} to resample; all ${first.length} unit(s) are in one`, {
      issues: [{ path: ['gold'], message: grouped ? 'every unit carries the same group' : 'a single unit' }],
    });
  }
  return { clusters: { count: clusterOf.size, by: grouped ? 'group' : 'unit' } as Clusters, themes, counts };
}

/** Precision, recall and F1 of every resample (NaN where undefined), plus the point estimate on the units as they are. */
interface Series {
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly f1: Float64Array;
  readonly point: { precision: number; recall: number; f1: number };
}
interface Replicates {
  readonly perTheme: Series[];
  readonly micro: Series;
  readonly macro: Series;
}

/**
 * Scores `resamples` draws of the clusters; the draws depend only on the seed and the
 * cluster count, so two labellings of the same units are resampled alike (paired).
 *
 * A resample may hold no unit of a rare theme, gold or predicted. Its F1 there is
 * undefined, not 0 (counting it 0 would drag the interval of a perfect tagger down to
 * 0), so it is left out of that theme's interval and out of that resample's macro
 * mean. A score undefined on the units as they are (a theme nobody carries or
 * predicts) keeps evaluate's convention, 0, in every resample.
 */
function resample(counts: Float64Array, clusterCount: number, T: number, settings: Settings): Replicates {
  const n = settings.resamples;
  const series = (): Series => ({ precision: new Float64Array(n), recall: new Float64Array(n), f1: new Float64Array(n), point: { precision: 0, recall: 0, f1: 0 } });
  const perTheme = Array.from({ length: T }, series);
  const micro = series();
  const macro = series();
  const random = mulberry32(settings.seed);
  const totals = new Float64Array(3 * T);
  for (let c = 0; c < clusterCount; c++) for (let k = 0; k < 3 * T; k++) totals[k]! += counts[c * 3 * T + k]!;
  // Which scores are defined on the units as they are: those may be undefined in a resample.
  const definedAtPoint = (tp: number, fp: number, fn: number) => ({ precision: tp + fp > 0, recall: tp + fn > 0, f1: tp + fp + fn > 0 });
  const themeDefined = Array.from({ length: T }, (_, t) => definedAtPoint(totals[3 * t]!, totals[3 * t + 1]!, totals[3 * t + 2]!));
  let sumTp = 0, sumFp = 0, sumFn = 0;
  for (let t = 0; t < T; t++) {
    sumTp += totals[3 * t]!;
    sumFp += totals[3 * t + 1]!;
    sumFn += totals[3 * t + 2]!;
  }
  const microDefined = definedAtPoint(sumTp, sumFp, sumFn);
  const score = (r: number | 'point') => {
    let tp = 0, fp = 0, fn = 0;
    const sums = { precision: 0, recall: 0, f1: 0 };
    const used = { precision: 0, recall: 0, f1: 0 };
    for (let t = 0; t < T; t++) {
      const s = prfOrUndefined(totals[3 * t]!, totals[3 * t + 1]!, totals[3 * t + 2]!, themeDefined[t]!, r === 'point');
      put(perTheme[t]!, r, s);
      tp += totals[3 * t]!;
      fp += totals[3 * t + 1]!;
      fn += totals[3 * t + 2]!;
      for (const key of ['precision', 'recall', 'f1'] as const) {
        if (Number.isNaN(s[key])) continue;
        sums[key] += s[key];
        used[key]++;
      }
    }
    put(micro, r, prfOrUndefined(tp, fp, fn, microDefined, r === 'point'));
    const mean = (key: 'precision' | 'recall' | 'f1') => (used[key] ? sums[key] / used[key] : T ? Number.NaN : 0);
    put(macro, r, r === 'point' ? { precision: sums.precision / (T || 1), recall: sums.recall / (T || 1), f1: sums.f1 / (T || 1) } : { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') });
  };
  score('point');
  for (let r = 0; r < n; r++) {
    totals.fill(0);
    for (let draw = 0; draw < clusterCount; draw++) {
      const at = Math.floor(random() * clusterCount) * 3 * T;
      for (let k = 0; k < 3 * T; k++) totals[k]! += counts[at + k]!;
    }
    score(r);
  }
  return { perTheme, micro, macro };
}

/** Scores with evaluate's conventions (prf) at the point; in a resample, NaN where a score defined at the point has no denominator. */
function prfOrUndefined(tp: number, fp: number, fn: number, definedAtPoint: { precision: boolean; recall: boolean; f1: boolean }, point: boolean) {
  const s = prf(tp, fp, fn);
  if (point) return s;
  return {
    precision: definedAtPoint.precision && tp + fp === 0 ? Number.NaN : s.precision,
    recall: definedAtPoint.recall && tp + fn === 0 ? Number.NaN : s.recall,
    f1: definedAtPoint.f1 && tp + fp + fn === 0 ? Number.NaN : s.f1,
  };
}

function put(series: Series, r: number | 'point', s: { precision: number; recall: number; f1: number }): void {
  if (r === 'point') Object.assign(series.point, s);
  else {
    series.precision[r] = s.precision;
    series.recall[r] = s.recall;
    series.f1[r] = s.f1;
  }
}


function prfIntervals(series: Series, level: number): PrfIntervals {
  return {
    precision: { estimate: series.point.precision, ...percentiles(series.precision, level, series.point.precision) },
    recall: { estimate: series.point.recall, ...percentiles(series.recall, level, series.point.recall) },
    f1: { estimate: series.point.f1, ...percentiles(series.f1, level, series.point.f1) },
  };
}

/**
 * The (1 - level) / 2 and 1 - (1 - level) / 2 quantiles of the defined values (NaN
 * left out), interpolated linearly between order statistics, with the number of
 * values used when some were left out. With none defined, the estimate itself.
 */
function percentiles(values: Float64Array, level: number, estimate: number): Pick<Interval, 'low' | 'high' | 'resamplesUsed'> {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  if (!sorted.length) return { low: estimate, high: estimate, resamplesUsed: 0 };
  const at = (q: number): number => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  };
  const tail = (1 - level) / 2;
  return { low: at(tail), high: at(1 - tail), ...(sorted.length < values.length ? { resamplesUsed: sorted.length } : {}) };
}
