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

/**
 * What decides a document's themes (the tagger option `documentFrom`): `both` (a
 * paragraph carries a theme when it does scored whole or through one of its
 * sentences; the default), `paragraphs` (scored whole only), `sentences` (each alone).
 */
export const DOCUMENT_FROM = Object.freeze(['both', 'paragraphs', 'sentences'] as const);
export type DocumentFrom = (typeof DOCUMENT_FROM)[number];
export const DEFAULT_DOCUMENT_FROM: DocumentFrom = 'both';

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

/**
 * What document aggregation needs of the sentences: how many there are, how many
 * carry each theme, and each theme's strongest evidence (see {@link pickEvidence}).
 */
export interface SentenceSummary {
  readonly count: number;
  taggedSentences(theme: string): number;
  strongestEvidence(theme: string, max: number): Evidence[];
}

/**
 * Aggregates passages one at a time (so they need not be kept), then the document
 * themes from them and a summary of the sentences. Same result as
 * {@link aggregateDocument} over the same passages and sentences.
 */
export class DocumentAccumulator {
  private readonly best: (ThemeScore | undefined)[];
  private readonly taggedPassages: Int32Array;
  private readonly covered: Int32Array;
  private passages = 0;
  private sentences = 0;

  constructor(private readonly themes: readonly string[]) {
    this.best = new Array<ThemeScore | undefined>(themes.length).fill(undefined);
    this.taggedPassages = new Int32Array(themes.length);
    this.covered = new Int32Array(themes.length);
  }

  /** Adds one scored passage. */
  add(passage: ScoredPassage): void {
    this.passages++;
    this.sentences += passage.sentences;
    this.themes.forEach((theme, t) => {
      const score = passage.scores[theme];
      if (!score) return;
      const best = this.best[t];
      if (!best || score.score > best.score) this.best[t] = score;
      if (score.score >= TAG_THRESHOLD) {
        this.taggedPassages[t]!++;
        this.covered[t]! += passage.sentences;
      }
    });
  }

  /** The document themes. */
  finish(sentences: SentenceSummary, maxEvidence: number, decision: DocumentDecision = DEFAULT_DOCUMENT_DECISION): Record<string, DocumentTheme> {
    const out: Record<string, DocumentTheme> = {};
    const totalSentences = Math.max(1, this.sentences);
    const needed = passagesNeeded(this.passages, decision);
    this.themes.forEach((theme, t) => {
      const best = this.best[t];
      const count = sentences.taggedSentences(theme);
      const strength = best?.score ?? 0;
      const coverage = this.covered[t]! / totalSentences;
      const support = this.taggedPassages[t]! / needed;
      const score = documentScore(strength, support);
      const tagged = score >= TAG_THRESHOLD;
      out[theme] = {
        score,
        tagged,
        source: (tagged ? best?.source : 'none') ?? 'none',
        strength,
        passages: this.taggedPassages[t]!,
        coverage,
        sentences: count,
        share: sentences.count ? count / sentences.count : 0,
        evidence: tagged ? sentences.strongestEvidence(theme, maxEvidence) : [],
      };
    });
    return out;
  }
}

/** Aggregates passages (and their sentences, for counts and evidence) into document themes. */
export function aggregateDocument(
  themes: readonly string[],
  sentences: readonly SentenceResult[],
  passages: readonly ScoredPassage[],
  maxEvidence: number,
  decision: DocumentDecision = DEFAULT_DOCUMENT_DECISION,
): Record<string, DocumentTheme> {
  const accumulator = new DocumentAccumulator(themes);
  for (const p of passages) accumulator.add(p);
  return accumulator.finish(summaryOf(sentences), maxEvidence, decision);
}

/** The summary of plain sentence results. */
function summaryOf(sentences: readonly SentenceResult[]): SentenceSummary {
  return {
    count: sentences.length,
    taggedSentences: (theme) => {
      let count = 0;
      for (const s of sentences) if (s.scores[theme]?.tagged) count++;
      return count;
    },
    strongestEvidence: (theme, max) => {
      const all = sentences.flatMap((s) => s.evidence.filter((e) => e.theme === theme));
      return pickEvidence(all, (e) => (e.kind === 'rule' ? `r:${e.ruleId}` : `f:${e.feature}`), (e) => e.kind === 'rule', (e) => e.weight, max);
    },
  };
}

/**
 * A theme's strongest evidence from its candidates in text order: rules first
 * (explicit, reviewable), by weight; then model features by weight. The same rule
 * or feature (same key) is reported once, at its first place in the text.
 */
export function pickEvidence<T>(
  candidates: Iterable<T>,
  keyOf: (candidate: T) => string | number,
  isRule: (candidate: T) => boolean,
  weightOf: (candidate: T) => number,
  max: number,
): T[] {
  const seen = new Set<string | number>();
  const all: { c: T; rule: number; weight: number; i: number }[] = [];
  for (const c of candidates) {
    const key = keyOf(c);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push({ c, rule: isRule(c) ? 0 : 1, weight: weightOf(c), i: all.length });
  }
  return all
    .sort((a, b) => a.rule - b.rule || b.weight - a.weight || a.i - b.i)
    .slice(0, max)
    .map(({ c }) => c);
}

export type { Source };
