/**
 * The review queue: of every passage (sentence) of tagged documents, the ones whose
 * correction would teach the model most. Pure: works on tag results.
 *
 *   uncertainty   how close the passage's nearest theme score is to the tag threshold
 *                 (or all themes', `combine: 'all'`; and the practice gate's, with
 *                 `gateThreshold`: neither beat the default in bench/review-simulation.mjs)
 *   disagreement  how far rules and model part on a theme (rules fired but the model
 *                 doubts it, or the model is sure where no rule fired)
 *   diversity     each passage already taken from a document discounts the rest of
 *                 that document, and no document gives more than its share
 */
import { gateFactor, TAG_THRESHOLD } from '../fuse/fuse';
import type { Evidence, SentenceResult, TagResult, ThemeScore } from '../result-schema';
import { InputError } from '../errors';

/** A tagged document offered to the queue. */
export interface ReviewDocument {
  /** The document's id (its path in the CLI). */
  readonly id: string;
  readonly result: TagResult;
}

/** Options of {@link reviewQueue}. */
export interface ReviewQueueOptions {
  /** Passages in the queue. @default 100 */
  readonly size?: number;
  /**
   * Most passages from one document.
   * @default the larger of a tenth of `size` and an even share over the documents
   */
  readonly maxPerDocument?: number;
  /** Factor each passage already taken from a document applies to its next ones. @default 0.7 */
  readonly documentDiscount?: number;
  /** Share of the priority that comes from rules/model disagreement (the rest from uncertainty). @default 0.3 */
  readonly disagreementWeight?: number;
  /** Passages shorter than this (characters) are skipped: headings and fragments teach little. @default 25 */
  readonly minCharacters?: number;
  /**
   * How themes' uncertainties make a passage's: `nearest`, the theme nearest its
   * threshold; `all`, 1 - Π(1 - u) over the themes, so a passage near several
   * thresholds ranks above one near a single threshold. @default 'nearest'
   */
  readonly combine?: 'nearest' | 'all';
  /**
   * The model's practice-gate threshold (`model.gate.threshold`). Given, a passage whose
   * practice probability is near it counts as uncertain too when the gate decides
   * whether a theme is tagged (the ungated score would tag). @default none
   */
  readonly gateThreshold?: number;
  /**
   * Weight of each theme's uncertainty (missing themes weigh 1), e.g. more for rare
   * themes, whose corrections move macro-F1 most. @default every theme 1
   * @throws InputError (INVALID_OPTIONS) for a weight that is not a finite number >= 0
   */
  readonly themeWeights?: Readonly<Record<string, number>>;
}

/** One theme of a queued passage, as the tagger sees it now. */
export interface QueuedThemeScore {
  readonly score: number;
  readonly tagged: boolean;
  readonly ruleScore: number;
  readonly probability?: number;
}

/** A passage chosen for review. */
export interface QueuedPassage {
  /** 1-based position in the queue. */
  readonly rank: number;
  readonly document: string;
  /** `document#index`: unique across the queue, the id a decision on it carries. */
  readonly passage: string;
  /** 0-based sentence index in the document. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly page?: number;
  readonly text: string;
  /** What the queue ranked by: uncertainty and disagreement blended (0..1). */
  readonly priority: number;
  readonly uncertainty: number;
  readonly disagreement: number;
  /** The theme whose score is nearest the threshold. */
  readonly nearestTheme: string;
  /** Themes the tagger puts on the passage now. */
  readonly themes: readonly string[];
  readonly scores: Readonly<Record<string, QueuedThemeScore>>;
  readonly evidence: readonly Evidence[];
}

interface Candidate {
  readonly document: number;
  readonly sentence: SentenceResult;
  readonly priority: number;
  readonly uncertainty: number;
  readonly disagreement: number;
  readonly nearestTheme: string;
}

/** How near a score is to the threshold: 1 on it, 0 at 0 or 1. */
export function uncertaintyOf(score: number, threshold = TAG_THRESHOLD): number {
  const span = score >= threshold ? 1 - threshold : threshold;
  return span > 0 ? Math.max(0, 1 - Math.abs(score - threshold) / span) : 0;
}

/** How far rules and model part on a theme (0..1); 0 without a model. */
export function disagreementOf(theme: Pick<ThemeScore, 'ruleScore' | 'probability'>): number {
  if (theme.probability === undefined) return 0;
  if (theme.ruleScore > 0) return Math.abs(theme.ruleScore - theme.probability);
  return Math.max(0, 2 * (theme.probability - 0.5));
}

/**
 * How near a passage's practice probability is to the gate threshold, when the gate
 * decides a theme (some theme's ungated score would tag); 0 otherwise.
 */
function gateUncertainty(sentence: SentenceResult, threshold: number | undefined): number {
  if (threshold === undefined || sentence.practice === undefined) return 0;
  const factor = gateFactor(sentence.practice, threshold);
  const decides = Object.values(sentence.scores).some((s) => (factor > 0 ? s.score / factor : s.ruleScore) >= TAG_THRESHOLD);
  return decides ? uncertaintyOf(sentence.practice, threshold) : 0;
}

/**
 * Chooses the passages to review, most informative first, spread across documents.
 * Deterministic: ties go to the earlier document and passage.
 */
export function reviewQueue(documents: readonly ReviewDocument[], options: ReviewQueueOptions = {}): QueuedPassage[] {
  const size = options.size ?? 100;
  const discount = options.documentDiscount ?? 0.7;
  const wDisagree = options.disagreementWeight ?? 0.3;
  const minCharacters = options.minCharacters ?? 25;
  const combine = options.combine ?? 'nearest';
  const themeWeights = options.themeWeights;
  for (const [theme, weight] of Object.entries(themeWeights ?? {})) {
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new InputError(`reviewQueue: themeWeights.${theme} must be a finite number >= 0 (got ${String(weight)})`, { code: 'INVALID_OPTIONS' });
    }
  }
  const cap = options.maxPerDocument ?? Math.max(Math.ceil(size / 10), Math.ceil(size / Math.max(1, documents.length)));

  // Each document's candidates, best first.
  const perDocument: Candidate[][] = documents.map((doc, d) => {
    const out: Candidate[] = [];
    for (const sentence of doc.result.sentences) {
      if (sentence.text.trim().length < minCharacters) continue;
      let nearest = 0;
      let missAll = 1;
      let disagreement = 0;
      let nearestTheme = '';
      for (const [theme, s] of Object.entries(sentence.scores)) {
        const u = uncertaintyOf(s.score) * (themeWeights?.[theme] ?? 1);
        if (!nearestTheme || u > nearest) {
          nearest = u;
          nearestTheme = theme;
        }
        missAll *= 1 - u;
        disagreement = Math.max(disagreement, disagreementOf(s));
      }
      if (!nearestTheme) continue;
      const gate = gateUncertainty(sentence, options.gateThreshold);
      const uncertainty = combine === 'all' ? 1 - missAll * (1 - gate) : Math.max(nearest, gate);
      const priority = (1 - wDisagree) * uncertainty + wDisagree * disagreement;
      out.push({ document: d, sentence, priority, uncertainty, disagreement, nearestTheme });
    }
    return out.sort((a, b) => b.priority - a.priority || a.sentence.index - b.sentence.index);
  });

  const taken = documents.map(() => 0);
  const heads = documents.map(() => 0);
  const seenText = new Set<string>();
  const chosen: QueuedPassage[] = [];
  while (chosen.length < size) {
    let best = -1;
    let bestValue = -1;
    for (let d = 0; d < perDocument.length; d++) {
      // Skip texts already queued (repeated headers, boilerplate) before comparing heads.
      while (heads[d]! < perDocument[d]!.length && seenText.has(normalise(perDocument[d]![heads[d]!]!.sentence.text))) heads[d]!++;
      if (taken[d]! >= cap || heads[d]! >= perDocument[d]!.length) continue;
      const value = perDocument[d]![heads[d]!]!.priority * discount ** taken[d]!;
      if (value > bestValue) [best, bestValue] = [d, value];
    }
    if (best < 0) break;
    const c = perDocument[best]![heads[best]!++]!;
    taken[best]!++;
    seenText.add(normalise(c.sentence.text));
    chosen.push(toPassage(c, documents[best]!.id, chosen.length + 1));
  }
  return chosen;
}

function toPassage(c: Candidate, document: string, rank: number): QueuedPassage {
  const s = c.sentence;
  const scores: Record<string, QueuedThemeScore> = {};
  for (const [theme, t] of Object.entries(s.scores)) {
    scores[theme] = { score: t.score, tagged: t.tagged, ruleScore: t.ruleScore, ...(t.probability === undefined ? {} : { probability: t.probability }) };
  }
  return {
    rank,
    document,
    passage: `${document}#${s.index}`,
    index: s.index,
    start: s.start,
    end: s.end,
    ...(s.page === undefined ? {} : { page: s.page }),
    text: s.text,
    priority: c.priority,
    uncertainty: c.uncertainty,
    disagreement: c.disagreement,
    nearestTheme: c.nearestTheme,
    themes: [...s.themes],
    scores,
    evidence: s.evidence,
  };
}

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
