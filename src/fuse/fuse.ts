/**
 * Fusion: rule hits and the model's probability become one 0..1 score per theme.
 *
 * The formula (documented in the README):
 *   r = 1 - Π (1 - w_i)          over the distinct rules of the theme that fired (noisy-OR)
 *   m = p / t * 0.5               when p < t   (model probability p, the theme's threshold t)
 *     = 0.5 + 0.5 (p - t)/(1 - t) when p >= t  (so the model alone tags exactly when p >= t)
 *   score = 1 - (1 - r)(1 - m)   (noisy-OR of the two sources)
 *   tagged = score >= 0.5
 * A rule of weight >= 0.5 tags on its own; weaker rules tag only together with
 * other rules or with a model that already leans towards the theme.
 *
 * The practice gate (when the model has one): a span that states no practice
 * point (chronology, method, background) should carry no theme however many
 * domain words it holds. The model's "practice statement" probability g, with the
 * gate threshold τ fitted on real-register text, scales the fused score:
 *   gated = score * min(1, g / τ)
 * so a span the gate doubts keeps a theme only on strong evidence.
 */
import type { Source, ThemeScore } from '../result-schema';

/** Which sources take part: `fused` (both), or one alone for ablation. */
export const FUSION_MODES = Object.freeze(['fused', 'rules', 'model'] as const);
export type FusionMode = (typeof FUSION_MODES)[number];

/** The decision boundary of the fused score. */
export const TAG_THRESHOLD = 0.5;

/** Noisy-OR of rule weights; each rule id counts once. */
export function ruleStrength(weights: Iterable<number>): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - Math.min(1, Math.max(0, w));
  return 1 - miss;
}

/** Maps a model probability onto 0..1 with the theme's threshold at 0.5. */
export function calibrateToThreshold(probability: number, threshold: number): number {
  const t = Math.min(Math.max(threshold, 1e-9), 1 - 1e-9);
  const p = Math.min(Math.max(probability, 0), 1);
  return p < t ? (0.5 * p) / t : 0.5 + (0.5 * (p - t)) / (1 - t);
}

/** The practice gate's factor: 1 at or above the gate threshold, g / τ below it (1 without a gate). */
export function gateFactor(practice: number, threshold: number): number {
  if (!(threshold > 0)) return 1;
  return practice >= threshold ? 1 : Math.max(0, practice) / threshold;
}

/** A span's practice-statement probability and the gate threshold it is held to. */
export interface PracticeGate {
  readonly practice: number;
  readonly threshold: number;
}

/** Fuses one theme's rule strength and model probability, then applies the practice gate when given. */
export function fuseTheme(
  ruleScore: number,
  model: { probability: number; threshold: number } | undefined,
  mode: FusionMode = 'fused',
  gate?: PracticeGate,
): ThemeScore {
  const r = mode === 'model' ? 0 : ruleScore;
  const m = model && mode !== 'rules' ? calibrateToThreshold(model.probability, model.threshold) : 0;
  const factor = gate && mode !== 'rules' ? gateFactor(gate.practice, gate.threshold) : 1;
  const score = (1 - (1 - r) * (1 - m)) * factor;
  const tagged = score >= TAG_THRESHOLD;
  const source = sourceOf(tagged, r, m);
  return model ? { score, tagged, probability: model.probability, ruleScore, source } : { score, tagged, ruleScore, source };
}

function sourceOf(tagged: boolean, r: number, m: number): Source {
  if (!tagged) return 'none';
  const byRules = r >= TAG_THRESHOLD;
  const byModel = m >= TAG_THRESHOLD;
  if (byRules && !byModel) return 'rules';
  if (byModel && r === 0) return 'model';
  return 'both';
}
