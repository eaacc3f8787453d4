/**
 * Document level: per theme, the strongest sentence or paragraph decides the score;
 * the result also says how many sentences carry the theme, their share, and the
 * strongest evidence across the document.
 */
import type { DocumentTheme, Evidence, SentenceResult, Source, ThemeScore } from '../result-schema';

/**
 * Aggregates into document themes: the strongest paragraph scored as a whole
 * (`passages`) and, when `fromSentences`, the strongest sentence.
 */
export function aggregateDocument(
  themes: readonly string[],
  sentences: readonly SentenceResult[],
  passages: readonly Readonly<Record<string, ThemeScore>>[],
  maxEvidence: number,
  fromSentences = true,
): Record<string, DocumentTheme> {
  const out: Record<string, DocumentTheme> = {};
  for (const theme of themes) {
    let best: ThemeScore | undefined;
    let count = 0;
    for (const s of sentences) {
      const score = s.scores[theme];
      if (!score) continue;
      if (score.tagged) count++;
      if (fromSentences && (!best || score.score > best.score)) best = score;
    }
    for (const p of passages) {
      const score = p[theme];
      if (score && (!best || score.score > best.score)) best = score;
    }
    const tagged = best?.tagged ?? false;
    out[theme] = {
      score: best?.score ?? 0,
      tagged,
      source: (tagged ? best?.source : 'none') ?? 'none',
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
