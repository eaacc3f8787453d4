/**
 * Scores by subgroup: one row per value of a field of the units (the kind of page,
 * the genre, the source), so a researcher sees where a tagger does well and where
 * it does not. A subgroup rarely holds every theme, so its macro average covers
 * the themes its gold units carry, and each row says how many units with no gold
 * theme got a theme anyway (the false alarms on narrative text).
 */
import { InputError } from '../errors';
import { alignById, resolveThemes, type ItemsById, type LabelledItem } from './align';
import { prf, themeCounts, type Prediction } from './metrics';
import type { Breakdown, BreakdownRow } from './report-schema';

/** Options of {@link breakdownBy}. */
export interface BreakdownOptions {
  /** Name of the field, reported as given. */
  readonly field: string;
  /** Themes scored, as in `evaluate`. @default the union of gold and predicted themes, sorted */
  readonly themes?: readonly string[];
}

/** The value reported for units that lack the field. */
export const MISSING_VALUE = '(none)';

/**
 * Rows of scores per value of `valueOf(id)`, largest subgroup first (ties by value).
 * @throws InputError as `evaluate` does for mismatched ids or themes.
 */
export function breakdownBy(
  gold: ItemsById<LabelledItem>,
  predicted: ItemsById<Prediction>,
  valueOf: (id: string) => string | undefined,
  options: BreakdownOptions,
): Breakdown {
  const names = ['gold', 'predicted'] as const;
  const pairs = alignById(gold, predicted, names);
  if (!pairs.length) throw new InputError('nothing to evaluate: no units');
  const themes = resolveThemes(pairs, options.themes, names);
  const byValue = new Map<string, typeof pairs>();
  for (const p of pairs) {
    const value = valueOf(p.id) ?? MISSING_VALUE;
    const members = byValue.get(value);
    if (members) members.push(p);
    else byValue.set(value, [p]);
  }
  const rows: BreakdownRow[] = [...byValue].map(([value, members]) => {
    const perTheme = themes.map((theme) => ({ theme, ...themeCounts(members, theme) }));
    const present = perTheme.filter((t) => t.tp + t.fn > 0);
    const scores = present.map((t) => prf(t.tp, t.fp, t.fn));
    const mean = (key: 'precision' | 'recall' | 'f1'): number => (scores.length ? scores.reduce((s, x) => s + x[key], 0) / scores.length : 0);
    const sum = (key: 'tp' | 'fp' | 'fn'): number => perTheme.reduce((s, t) => s + t[key], 0);
    const noTheme = members.filter((p) => !themes.some((t) => p.aThemes.has(t)));
    return {
      value,
      units: members.length,
      themesPresent: present.map((t) => t.theme),
      micro: prf(sum('tp'), sum('fp'), sum('fn')),
      macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
      exactMatch: members.filter((p) => themes.every((t) => p.aThemes.has(t) === p.bThemes.has(t))).length / members.length,
      noThemeUnits: noTheme.length,
      noThemeTagged: noTheme.filter((p) => themes.some((t) => p.bThemes.has(t))).length,
    };
  });
  rows.sort((a, b) => b.units - a.units || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { field: options.field, rows };
}
