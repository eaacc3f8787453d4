/**
 * Corpus counts and the balance the project promises (see corpus/README.md).
 * Pure; near-duplicate detection lives in near-duplicates.ts.
 */
import { splitOf, type CorpusUnit } from './schema';

/** Counts over a corpus. */
export interface CorpusStats {
  readonly units: number;
  readonly groups: number;
  readonly perTheme: Readonly<Record<string, number>>;
  readonly perGenre: Readonly<Record<string, number>>;
  readonly perSplit: Readonly<Record<string, number>>;
  readonly perThemeBySplit: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly noTheme: number;
  readonly multiTheme: number;
  /** Groups that have units in more than one split (must be none). */
  readonly groupsStraddlingSplit: readonly string[];
}

/** Minimums the default corpus must meet. */
export interface BalanceMinimums {
  readonly units: number;
  readonly perTheme: number;
  readonly noThemeShare: number;
  readonly multiThemeShare: number;
  readonly testShare: readonly [number, number];
}

/** The minimums for the shipped corpus. */
export const DEFAULT_BALANCE: BalanceMinimums = {
  units: 3000,
  perTheme: 400,
  noThemeShare: 0.25,
  multiThemeShare: 0.15,
  testShare: [0.15, 0.25],
};

/** Counts units per theme, genre and split (units without a split count as train, without a group as their own). */
export function corpusStats(units: readonly CorpusUnit[]): CorpusStats {
  const perTheme: Record<string, number> = {};
  const perGenre: Record<string, number> = {};
  const perSplit: Record<string, number> = {};
  const perThemeBySplit: Record<string, Record<string, number>> = {};
  const splitsOfGroup = new Map<string, Set<string>>();
  let noTheme = 0;
  let multiTheme = 0;
  for (const u of units) {
    const split = splitOf(u);
    const group = u.group ?? `id:${u.id}`;
    for (const t of u.themes) {
      perTheme[t] = (perTheme[t] ?? 0) + 1;
      const bySplit = (perThemeBySplit[t] ??= {});
      bySplit[split] = (bySplit[split] ?? 0) + 1;
    }
    if (u.genre !== undefined) perGenre[u.genre] = (perGenre[u.genre] ?? 0) + 1;
    perSplit[split] = (perSplit[split] ?? 0) + 1;
    if (u.themes.length === 0) noTheme++;
    if (u.themes.length >= 2) multiTheme++;
    const s = splitsOfGroup.get(group) ?? new Set<string>();
    s.add(split);
    splitsOfGroup.set(group, s);
  }
  const groupsStraddlingSplit = [...splitsOfGroup].filter(([, s]) => s.size > 1).map(([g]) => g).sort();
  return {
    units: units.length,
    groups: splitsOfGroup.size,
    perTheme: sortKeys(perTheme),
    perGenre: sortKeys(perGenre),
    perSplit: sortKeys(perSplit),
    perThemeBySplit: sortKeys(perThemeBySplit),
    noTheme,
    multiTheme,
    groupsStraddlingSplit,
  };
}

/** Lists every way the corpus falls short of the minimums (empty when it meets them). */
export function balanceProblems(stats: CorpusStats, themes: readonly string[], min: BalanceMinimums = DEFAULT_BALANCE): string[] {
  const problems: string[] = [];
  if (stats.units < min.units) problems.push(`${stats.units} units, fewer than ${min.units}`);
  for (const t of themes) {
    const n = stats.perTheme[t] ?? 0;
    if (n < min.perTheme) problems.push(`theme ${t}: ${n} positive units, fewer than ${min.perTheme}`);
  }
  if (stats.noTheme / stats.units < min.noThemeShare) problems.push(`no-theme share ${(stats.noTheme / stats.units).toFixed(3)} < ${min.noThemeShare}`);
  if (stats.multiTheme / stats.units < min.multiThemeShare) problems.push(`multi-theme share ${(stats.multiTheme / stats.units).toFixed(3)} < ${min.multiThemeShare}`);
  const test = (stats.perSplit.test ?? 0) / stats.units;
  if (test < min.testShare[0] || test > min.testShare[1]) problems.push(`test share ${test.toFixed(3)} outside ${min.testShare.join('..')}`);
  if (stats.groupsStraddlingSplit.length) problems.push(`groups in both splits: ${stats.groupsStraddlingSplit.join(', ')}`);
  return problems;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
