/**
 * Document level. A long review mentions every theme somewhere, so the strongest
 * passage alone would tag nearly every theme on every review. The decision asks
 * for strength AND extent:
 *
 *   strength = the strongest passage's fused score (paragraphs scored whole, or
 *              sentences, per `documentFrom`)
 *   needed   = max(min(minPassages, passages), minShare * passages)
 *   support  = taggedPassages / needed
 *   score    = strength                      when support >= 1
 *            = min(strength, 0.5 * support)  below it (never tagged)
 *   tagged   = score >= 0.5
 *
 * so a theme is tagged when its strongest passage is tagged and enough passages
 * carry it: at least `minPassages` (or every passage of a shorter text) and at
 * least `minShare` of a long one. A one-paragraph text is decided by its paragraph,
 * as before. The defaults are fitted by scripts/fit-document-decision.mjs (see the
 * README's model card).
 */
import type { DocumentTheme, Evidence, SentenceResult, Source, ThemeScore } from '../result-schema';
import { TAG_THRESHOLD } from './fuse';

/** How much of a document must carry a theme. */
export interface DocumentDecision {
  /** Share of the passages that must carry the theme (0..1); binds on long documents. */
  readonly minShare: number;
  /** Number of passages that must carry the theme (or all of them, in a shorter text). */
  readonly minPassages: number;
}

/**
 * Fitted on whole written reviews of the corpus's training split (scripts/fit-document-decision.mjs):
 * one passage, and 10% of the passages of a document longer than ten.
 */
export const DEFAULT_DOCUMENT_DECISION: DocumentDecision = Object.freeze({ minShare: 0.1, minPassages: 1 });

/** A scored passage: its per-theme scores and how many sentences it spans. */
export interface ScoredPassage {
  readonly scores: Readonly<Record<string, ThemeScore>>;
  readonly sentences: number;
}

/** The document score of a theme from its strength and support (see the file comment). */
export function documentScore(strength: number, support: number): number {
  return support >= 1 ? strength : Math.min(strength, 0.5 * support);
}

/** How many tagged passages a document of `passages` passages needs (see the file comment). */
export function passagesNeeded(passages: number, decision: DocumentDecision): number {
  return Math.max(1e-9, Math.min(decision.minPassages, passages), decision.minShare * passages);
}

/** Aggregates passages (and their sentences, for counts and evidence) into document themes. */
export function aggregateDocument(
  themes: readonly string[],
  sentences: readonly SentenceResult[],
  passages: readonly ScoredPassage[],
  maxEvidence: number,
  decision: DocumentDecision = DEFAULT_DOCUMENT_DECISION,
): Record<string, DocumentTheme> {
  const out: Record<string, DocumentTheme> = {};
  const totalSentences = Math.max(1, passages.reduce((n, p) => n + p.sentences, 0));
  const needed = passagesNeeded(passages.length, decision);
  for (const theme of themes) {
    let best: ThemeScore | undefined;
    let taggedPassages = 0;
    let covered = 0;
    for (const p of passages) {
      const score = p.scores[theme];
      if (!score) continue;
      if (!best || score.score > best.score) best = score;
      if (score.score >= TAG_THRESHOLD) {
        taggedPassages++;
        covered += p.sentences;
      }
    }
    let count = 0;
    for (const s of sentences) if (s.scores[theme]?.tagged) count++;
    const strength = best?.score ?? 0;
    const coverage = covered / totalSentences;
    const support = taggedPassages / needed;
    const score = documentScore(strength, support);
    const tagged = score >= TAG_THRESHOLD;
    out[theme] = {
      score,
      tagged,
      source: (tagged ? best?.source : 'none') ?? 'none',
      strength,
      passages: taggedPassages,
      coverage,
      sentences: count,
      share: sentences.length ? count / sentences.length : 0,
      evidence: tagged ? strongestEvidence(theme, sentences, maxEvidence) : [],
    };
  }
  return out;
}

// Rules first (explicit, reviewable), by weight; then model features by weight.
// The same rule or feature is reported once, at its first place in the text.
function strongestEvidence(theme: string, sentences: readonly SentenceResult[], max: number): Evidence[] {
  const seen = new Set<string>();
  const all: Evidence[] = [];
  for (const s of sentences) {
    for (const e of s.evidence) {
      if (e.theme !== theme) continue;
      const key = e.kind === 'rule' ? `r:${e.ruleId}` : `f:${e.feature}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(e);
    }
  }
  const kindOrder = (e: Evidence): number => (e.kind === 'rule' ? 0 : 1);
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => kindOrder(a.e) - kindOrder(b.e) || b.e.weight - a.e.weight || a.i - b.i)
    .slice(0, max)
    .map(({ e }) => e);
}

export type { Source };
