/**
 * Cohen's kappa: agreement between two labellings beyond what their own rates of
 * "yes" would give by chance. Per theme, each unit is a yes/no decision on each
 * side, so every theme has its own 2x2 table and its own kappa.
 */
import { InputError } from '../errors';
import type { Agreement, Disagreement, KappaResult, ThemeAgreement } from './report-schema';
import { alignById, excerptOf, resolveThemes, type ItemsById, type LabelledItem } from './align';

/** A 2x2 table of two binary labellings over the same units. */
export interface AgreementTable {
  /** Units both sides say yes to. */
  readonly both: number;
  /** Units only the first side says yes to. */
  readonly onlyA: number;
  /** Units only the second side says yes to. */
  readonly onlyB: number;
  /** Units both sides say no to. */
  readonly neither: number;
}

/**
 * Cohen's kappa of a 2x2 table: (po - pe) / (1 - pe), with po the observed
 * agreement and pe = pA pB + (1 - pA)(1 - pB) the agreement expected from each
 * side's rate of yes (pA, pB). Computed from integer counts, divided once.
 *
 * Undefined cases return `kappa: null`: an empty table (po and pe reported as 0),
 * and pe = 1, which happens only when both sides give every unit the same single
 * answer (po is then 1 too: perfect but uninformative agreement, e.g. a theme no
 * unit carries on either side). scikit-learn returns NaN there.
 */
export function cohensKappa(table: AgreementTable): KappaResult {
  const { both, onlyA, onlyB, neither } = table;
  const n = both + onlyA + onlyB + neither;
  if (n === 0) return { kappa: null, observed: 0, expected: 0 };
  const yesA = both + onlyA;
  const yesB = both + onlyB;
  const agreeTimesN = both + neither;
  const chanceTimesN2 = yesA * yesB + (n - yesA) * (n - yesB);
  const n2 = n * n;
  const observed = agreeTimesN / n;
  const expected = chanceTimesN2 / n2;
  if (chanceTimesN2 === n2) return { kappa: null, observed, expected };
  const kappa = (agreeTimesN * n - chanceTimesN2) / (n2 - chanceTimesN2);
  return { kappa, observed, expected };
}

/** Mean of the defined kappas; `null` when none is defined. */
export function meanKappa(results: readonly KappaResult[]): number | null {
  const defined = results.map((r) => r.kappa).filter((k): k is number => k !== null);
  return defined.length ? defined.reduce((s, k) => s + k, 0) / defined.length : null;
}

/** Options of {@link labellingAgreement}. */
export interface AgreementOptions {
  /** Themes to compare, in report order. @default the union of both labellings, sorted */
  readonly themes?: readonly string[];
  /** Characters of text kept in each disagreement's excerpt. @default 160 */
  readonly excerptLength?: number;
  /** Names of the two labellings in error messages (e.g. their file names). @default ['A', 'B'] */
  readonly names?: readonly [string, string];
}

/**
 * Per-theme Cohen's kappa between two labellings of the same units (e.g. two
 * annotators), with their mean, the share of identical theme sets, and every
 * unit they label differently.
 * @throws InputError when the labellings are empty, the id sets differ (naming the missing ids) or a theme is not in `options.themes`.
 */
export function labellingAgreement(a: ItemsById<LabelledItem>, b: ItemsById<LabelledItem>, options: AgreementOptions = {}): Agreement {
  const names = options.names ?? (['A', 'B'] as const);
  const pairs = alignById(a, b, names);
  if (!pairs.length) throw new InputError('nothing to compare: both labellings are empty');
  const themes = resolveThemes(pairs, options.themes, names);
  const perTheme: ThemeAgreement[] = themes.map((theme) => {
    const table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (const p of pairs) {
      const inA = p.aThemes.has(theme);
      const inB = p.bThemes.has(theme);
      if (inA && inB) table.both++;
      else if (inA) table.onlyA++;
      else if (inB) table.onlyB++;
      else table.neither++;
    }
    return { theme, agreement: cohensKappa(table), ...table };
  });
  const disagreements: Disagreement[] = [];
  let identical = 0;
  for (const p of pairs) {
    const onlyA = themes.filter((t) => p.aThemes.has(t) && !p.bThemes.has(t));
    const onlyB = themes.filter((t) => p.bThemes.has(t) && !p.aThemes.has(t));
    if (!onlyA.length && !onlyB.length) {
      identical++;
      continue;
    }
    const text = p.a.text ?? p.b.text;
    disagreements.push({
      id: p.id,
      ...(text === undefined ? {} : { excerpt: excerptOf(text, options.excerptLength ?? 160) }),
      a: themes.filter((t) => p.aThemes.has(t)),
      b: themes.filter((t) => p.bThemes.has(t)),
      onlyA,
      onlyB,
    });
  }
  return {
    kind: 'agreement',
    themes,
    units: pairs.length,
    perTheme,
    meanKappa: meanKappa(perTheme.map((t) => t.agreement)),
    exactAgreement: pairs.length ? identical / pairs.length : 0,
    disagreements,
  };
}
