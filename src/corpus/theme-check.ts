/**
 * Which themes a training run learns when the user did not declare them: every
 * theme the corpus uses, with counts, refusing themes that look like misspellings
 * of a much more common one (`risk-assesment` beside `risk-assessment`), which
 * would otherwise silently become an extra label.
 */
import { InputError, type Issue } from '../errors';

/** A theme the corpus uses: how many units carry it and the first of them. */
export interface ThemeUse {
  readonly theme: string;
  readonly units: number;
  readonly firstId: string;
}

/** Themes used by the units, sorted by id. */
export function themeUses(units: readonly { readonly id: string; readonly themes: readonly string[] }[]): ThemeUse[] {
  const uses = new Map<string, { units: number; firstId: string }>();
  for (const unit of units) {
    for (const theme of unit.themes) {
      const use = uses.get(theme);
      if (use) use.units++;
      else uses.set(theme, { units: 1, firstId: unit.id });
    }
  }
  return [...uses.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([theme, u]) => ({ theme, ...u }));
}

/**
 * Throws InputError UNKNOWN_THEME listing every theme within two edits of a theme
 * used at least five times as often: almost always a typo, never a new theme.
 */
export function assertNoMisspeltThemes(uses: readonly ThemeUse[]): void {
  const issues: Issue[] = [];
  for (const rare of uses) {
    const twin = uses.find((common) => common.units >= 5 * rare.units && editDistance(rare.theme, common.theme, 2) <= 2);
    if (twin) {
      issues.push({
        path: [rare.firstId, 'themes'],
        message: `"${rare.theme}" (${rare.units} unit(s), first "${rare.firstId}") looks like a misspelling of "${twin.theme}" (${twin.units} units)`,
      });
    }
  }
  if (issues.length) {
    throw new InputError('the corpus uses themes that look misspelt: fix them, or declare the themes to learn with --labels', {
      code: 'UNKNOWN_THEME',
      issues,
    });
  }
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
