/** Scores one span of sentences (a sentence, or a paragraph as a whole) for every theme. */
import type { EncodedFeatures } from './text/feature-encoding';
import { matchSentence, type RuleHit } from './rules/match';
import { fuseTheme, ruleStrength, type FusionMode } from './fuse/fuse';
import type { CompiledRules } from './rules/compile';
import { lazyScorerOf, type Classifier } from './nb/classifier';
import type { LazyRowScorer } from './nb/score';
import { logistic } from './nb/logistic';
import type { PracticeGateScorer } from './nb/gate';
import type { Sentence, TextAnalyzer } from './text/types';
import type { FeatureEvidence, RuleEvidence, ThemeScore } from './result-schema';

/** What a built tagger holds. */
export interface TaggerParts {
  readonly analyzer: TextAnalyzer;
  readonly classifier: Classifier | undefined;
  /** The model's practice-statement gate, when it has one. */
  readonly gate: PracticeGateScorer | undefined;
  readonly rules: CompiledRules | undefined;
  readonly themes: readonly string[];
  readonly modelInfo: { name: string; version: number; corpusHash: string } | undefined;
  readonly ruleSetNames: string[];
}

/** Evidence before its text is sliced from the input (the tagger adds text and page). */
export type SpanEvidence = Omit<RuleEvidence, 'text' | 'page'> | Omit<FeatureEvidence, 'text' | 'page'>;

/** Scores and evidence of one span. */
export interface SpanScores {
  readonly scores: Record<string, ThemeScore>;
  /** Practice-statement probability of the span (absent without a gate, or in rules mode). */
  readonly practice?: number;
  /** Evidence of the tagged themes: every rule hit, then the top model features. */
  readonly evidence: SpanEvidence[];
}

/** What one sentence yields before scoring: its rule hits and model features (as vocabulary rows). */
export interface SentenceSignals {
  readonly hits: readonly RuleHit[];
  readonly features: EncodedFeatures | undefined;
}

/** Runs the rules and extracts model features of one sentence (once; spans reuse them). */
export function sentenceSignals(parts: TaggerParts, sentence: Sentence, mode: FusionMode): SentenceSignals {
  const hits = parts.rules && mode !== 'model' ? matchSentence(parts.rules, sentence) : [];
  const features = parts.classifier && mode !== 'rules' ? parts.classifier.encode(sentence.tokens) : undefined;
  return { hits, features };
}

/**
 * Scores a span (one sentence, or a paragraph as a whole) from its sentences'
 * signals: rule hits are pooled, the model sees all the span's features together.
 * Evidence is listed for tagged themes only (`topFeatures` model features each),
 * in theme order, rules first.
 */
export function scoreSpan(
  parts: TaggerParts,
  signals: readonly SentenceSignals[],
  themes: readonly string[],
  mode: FusionMode,
  topFeatures: number,
): SpanScores {
  const hits = signals.length === 1 ? signals[0]!.hits : signals.flatMap((s) => s.hits);
  const classifier = parts.classifier;
  let scorer: LazyRowScorer | undefined;
  let logOdds: Float64Array | undefined;
  let gate: { practice: number; threshold: number } | undefined;
  if (classifier && mode !== 'rules') {
    const encoded: EncodedFeatures[] = [];
    for (const s of signals) if (s.features) encoded.push(s.features);
    scorer = lazyScorerOf(classifier)!;
    logOdds = scorer.score(encoded);
    if (parts.gate) gate = { practice: parts.gate.practiceEncoded(encoded), threshold: parts.gate.threshold };
  }
  const scores: Record<string, ThemeScore> = {};
  const evidence: SpanEvidence[] = [];
  for (const theme of themes) {
    // The model's label index of the theme (-1 when the model does not know it).
    const label = classifier ? labelIndex(classifier, theme) : -1;
    const threshold = classifier?.thresholds[theme];
    const score = fuseTheme(
      themeRuleStrength(hits, theme),
      logOdds && label >= 0 && threshold !== undefined ? { probability: logistic(logOdds[label]!), threshold } : undefined,
      mode,
      gate,
    );
    scores[theme] = score;
    if (!score.tagged || topFeatures === 0) continue;
    for (const h of hits) if (h.theme === theme) evidence.push({ kind: 'rule', theme, ruleId: h.ruleId, weight: h.weight, start: h.start, end: h.end });
    if (!scorer || label < 0) continue;
    for (const f of scorer.top(label, topFeatures)) evidence.push({ kind: 'feature', theme, feature: f.feature, weight: f.weight, start: f.start, end: f.end });
  }
  return gate ? { scores, evidence, practice: gate.practice } : { scores, evidence };
}

const labelIndices = new WeakMap<Classifier, ReadonlyMap<string, number>>();

function labelIndex(classifier: Classifier, theme: string): number {
  let indices = labelIndices.get(classifier);
  if (!indices) labelIndices.set(classifier, (indices = new Map(classifier.labels.map((label, l) => [label, l]))));
  return indices.get(theme) ?? -1;
}

/** Noisy-OR of the distinct rules of `theme` that fired (0 when none did; no Map for the common case). */
function themeRuleStrength(hits: readonly RuleHit[], theme: string): number {
  let weights: Map<string, number> | undefined;
  for (const h of hits) if (h.theme === theme) (weights ??= new Map()).set(h.ruleId, h.weight);
  return weights === undefined ? 0 : ruleStrength(weights.values());
}
