/**
 * Multi-label evaluation: every theme is an independent yes/no decision per
 * unit. Nothing here is rounded; src/eval/format.ts rounds when printing.
 *
 * Conventions (the same as scikit-learn with `zero_division=0`):
 * - precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2tp / (2tp + fp + fn),
 *   each 0 when its denominator is 0;
 * - micro averages pool tp, fp and fn over all themes;
 * - macro averages are the unweighted means of the per-theme precision, recall and
 *   F1 over ALL evaluated themes, including a theme no unit carries or gets (it
 *   counts 0), so pass `themes` to choose what the macro average covers.
 */
import { InputError } from '../errors';
import type { Evidence } from '../result-schema';
import { alignById, excerptOf, resolveThemes, type AlignedPair, type ItemsById, type LabelledItem, type WithoutId } from './align';
import { cohensKappa, meanKappa } from './kappa';
import type { ConfusionRow, Evaluation, EvaluationError, EvaluationSummary, Prf, ThemeMetrics } from './report-schema';

/**
 * A predicted labelling of one unit. A `TagResult` (with its id) fits: its
 * document scores and evidence then appear in the error list.
 */
export interface Prediction {
  readonly id?: string;
  readonly themes: readonly string[];
  readonly scores?: Readonly<Record<string, number>>;
  readonly document?: Readonly<Record<string, { readonly evidence: readonly Evidence[] }>>;
}

type Pair = AlignedPair<WithoutId<LabelledItem>, WithoutId<Prediction>>;

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * Themes to score, in report order; every gold and predicted theme must be one of them.
   * @default the union of gold and predicted themes, sorted
   */
  readonly themes?: readonly string[];
  /** Characters of text kept in each error's excerpt. @default 160 */
  readonly excerptLength?: number;
}

/** Precision, recall and F1 of confusion counts (0 where a denominator is 0). */
export function prf(tp: number, fp: number, fn: number): Prf {
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : 0,
    recall: tp + fn > 0 ? tp / (tp + fn) : 0,
    f1: tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

/**
 * Scores predicted theme sets against gold theme sets of the same units: per
 * theme P/R/F1, counts and Cohen's kappa; micro and macro averages; exact match;
 * Hamming loss; the gold-by-predicted co-occurrence table; and every unit whose
 * themes differ. Gold and predicted are arrays of `{id, themes}` or maps by id.
 * @throws InputError when there are no units, the id sets differ (the message
 *   names the missing ids), ids repeat, or a theme is outside `options.themes`.
 */
export function evaluate(gold: ItemsById<LabelledItem>, predicted: ItemsById<Prediction>, options: EvaluateOptions = {}): Evaluation {
  const names = ['gold', 'predicted'] as const;
  const pairs = alignById(gold, predicted, names);
  if (!pairs.length) throw new InputError('nothing to evaluate: no units');
  const themes = resolveThemes(pairs, options.themes, names);
  return {
    ...summarizePairs(pairs, themes),
    confusion: confusionTable(pairs, themes),
    errors: errorList(pairs, themes, options.excerptLength ?? 160),
  };
}

/** The evaluation without its per-unit parts (co-occurrence table and error list). */
export function summarize(evaluation: Evaluation): EvaluationSummary {
  const { confusion: _confusion, errors: _errors, ...summary } = evaluation;
  return summary;
}

/** One theme's confusion counts over aligned pairs (side a gold, side b predicted). */
export function themeCounts(
  pairs: readonly Pick<AlignedPair<unknown, unknown>, 'aThemes' | 'bThemes'>[],
  theme: string,
): { tp: number; fp: number; fn: number; tn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    const g = p.aThemes.has(theme);
    const q = p.bThemes.has(theme);
    if (g && q) tp++;
    else if (q) fp++;
    else if (g) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

function summarizePairs(pairs: readonly Pair[], themes: readonly string[]): EvaluationSummary {
  const perTheme: ThemeMetrics[] = themes.map((theme) => {
    const { tp, fp, fn, tn } = themeCounts(pairs, theme);
    return {
      theme,
      ...prf(tp, fp, fn),
      support: tp + fn,
      predicted: tp + fp,
      tp,
      fp,
      fn,
      tn,
      agreement: cohensKappa({ both: tp, onlyA: fn, onlyB: fp, neither: tn }),
    };
  });
  const sum = (pick: (m: ThemeMetrics) => number): number => perTheme.reduce((s, m) => s + pick(m), 0);
  const mean = (pick: (m: ThemeMetrics) => number): number => (perTheme.length ? sum(pick) / perTheme.length : 0);
  const exact = pairs.filter((p) => themes.every((t) => p.aThemes.has(t) === p.bThemes.has(t))).length;
  const decisions = pairs.length * themes.length;
  return {
    themes: [...themes],
    units: pairs.length,
    perTheme,
    micro: prf(sum((m) => m.tp), sum((m) => m.fp), sum((m) => m.fn)),
    macro: { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) },
    exactMatch: exact / pairs.length,
    hammingLoss: decisions ? (sum((m) => m.fp) + sum((m) => m.fn)) / decisions : 0,
    meanKappa: meanKappa(perTheme.map((m) => m.agreement)),
  };
}

// Row per gold theme, then a row for units with no gold theme: what was predicted on them.
function confusionTable(pairs: readonly Pair[], themes: readonly string[]): ConfusionRow[] {
  const rowOf = (gold: string | null, members: readonly Pair[]): ConfusionRow => ({
    gold,
    units: members.length,
    predicted: Object.fromEntries(themes.map((t) => [t, members.filter((p) => p.bThemes.has(t)).length])),
    none: members.filter((p) => !themes.some((t) => p.bThemes.has(t))).length,
  });
  return [
    ...themes.map((theme) => rowOf(theme, pairs.filter((p) => p.aThemes.has(theme)))),
    rowOf(null, pairs.filter((p) => !themes.some((t) => p.aThemes.has(t)))),
  ];
}

function errorList(pairs: readonly Pair[], themes: readonly string[], excerptLength: number): EvaluationError[] {
  const errors: EvaluationError[] = [];
  for (const p of pairs) {
    const missing = themes.filter((t) => p.aThemes.has(t) && !p.bThemes.has(t));
    const extra = themes.filter((t) => p.bThemes.has(t) && !p.aThemes.has(t));
    if (!missing.length && !extra.length) continue;
    const { scores, document } = p.b;
    const evidence: Record<string, Evidence[]> = {};
    for (const t of [...missing, ...extra]) {
      const found = document?.[t]?.evidence;
      if (found?.length) evidence[t] = [...found];
    }
    errors.push({
      id: p.id,
      ...(p.a.text === undefined ? {} : { excerpt: excerptOf(p.a.text, excerptLength) }),
      gold: themes.filter((t) => p.aThemes.has(t)),
      predicted: themes.filter((t) => p.bThemes.has(t)),
      missing,
      extra,
      ...(scores ? { scores: Object.fromEntries(themes.filter((t) => scores[t] !== undefined).map((t) => [t, scores[t]!])) } : {}),
      ...(document ? { evidence } : {}),
    });
  }
  return errors;
}
