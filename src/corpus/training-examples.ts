/**
 * Corpus units as training examples: real-register units (those with a
 * `source_url`) count `realWeight` times and are the ones thresholds, calibration
 * and the practice gate are fitted on; rule scores make those fits match the
 * fused decision the tagger makes.
 */
import type { TrainingExample } from '../nb/train-options';
import type { Tagger } from '../tagger';
import type { CorpusUnit } from './schema';

/**
 * How many times a real-register unit counts against a written one, chosen by
 * cross-validation by page on the real-register training units
 * (scripts/real-register-cv.mjs; see the README's model card).
 */
export const DEFAULT_REAL_WEIGHT = 3;

/** What the calibration examples are, as the model file records it. */
export const REAL_REGISTER_DESCRIPTION = 'real-register units (written from public review pages), grouped by page';

/** How corpus units become training examples. */
export interface TrainingExampleOptions {
  /** Weight of a real-register unit. @default DEFAULT_REAL_WEIGHT */
  readonly realWeight?: number;
  /**
   * Fit thresholds, calibration and the gate on real-register units only.
   * @default true when at least MIN_REAL_FOR_CALIBRATION units are real-register
   */
  readonly calibrateOnReal?: boolean;
  /** Rule strength per theme of a text (for example a rules-only tagger's scores). */
  readonly ruleScores?: (text: string) => Readonly<Record<string, number>>;
}

/**
 * Rule strengths of a text from a rules-only tagger: per theme, the strongest
 * passage's rule score (what fusion combines with the model at that passage).
 */
export function ruleScoresFrom(rulesOnly: Tagger): (text: string) => Record<string, number> {
  return (text) => {
    const { document } = rulesOnly.tag(text);
    return Object.fromEntries(Object.entries(document).map(([theme, d]) => [theme, d.strength]));
  };
}

/**
 * Whether a unit is real text rather than written to teach: written from a public
 * page (`source_url`) or a reviewer's decision on the user's own archive (`source: "review"`).
 */
export const isRealRegister = (unit: Pick<CorpusUnit, 'source_url' | 'source'>): boolean =>
  unit.source_url !== undefined || unit.source === 'review';

/**
 * Fewest real-register units that thresholds, calibration and the gate are fitted on
 * by default; with fewer they are fitted on every unit. Fitted on a few dozen reviewed
 * passages, single thresholds move by up to 0.4 with the cross-validation seed: in
 * the review simulation's own held-out folds (bench/review-simulation.mjs --scenario
 * unseen --evaluate dev, a corpus of written units plus reviewed real passages)
 * fitting on the reviewed passages alone scored below fitting on every unit after 50
 * and 100 of them and level after 200 (README, "Does the queue beat random?").
 */
export const MIN_REAL_FOR_CALIBRATION = 200;

/** Whether thresholds, calibration and the gate are fitted on the real-register units by default. */
export function calibratesOnReal(units: readonly Pick<CorpusUnit, 'source_url' | 'source'>[]): boolean {
  let real = 0;
  for (const u of units) if (isRealRegister(u) && ++real >= MIN_REAL_FOR_CALIBRATION) return true;
  return false;
}

/** Maps units to training examples (order kept). */
export function trainingExamplesOf(units: readonly CorpusUnit[], options: TrainingExampleOptions = {}): TrainingExample[] {
  const calibrateOnReal = options.calibrateOnReal ?? calibratesOnReal(units);
  const realWeight = options.realWeight ?? DEFAULT_REAL_WEIGHT;
  return units.map((u) => {
    const real = isRealRegister(u);
    return {
      id: u.id,
      text: u.text,
      themes: u.themes,
      ...(u.group === undefined ? {} : { group: u.group }),
      ...(real && realWeight !== 1 ? { weight: realWeight } : {}),
      ...(calibrateOnReal ? { calibrate: real } : {}),
      ...(options.ruleScores ? { ruleScores: { ...options.ruleScores(u.text) } } : {}),
    };
  });
}
