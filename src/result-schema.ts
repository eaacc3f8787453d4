/**
 * The tag result: what `tag()` returns and what the CLI prints as JSON. A zod schema
 * so other systems can validate it; `schemas/tag-result.schema.json` is generated
 * from it for systems not written in TypeScript.
 */
import { z } from 'zod';

/** Which part of the tagger produced a score or a piece of evidence. */
export const SourceSchema = z.enum(['rules', 'model', 'both', 'none']);
export type Source = z.infer<typeof SourceSchema>;

/** A rule that fired, with the span it matched. */
export const RuleEvidenceSchema = z.object({
  kind: z.literal('rule'),
  theme: z.string(),
  ruleId: z.string(),
  weight: z.number(),
  /** Offsets into the original input: input.slice(start, end) is the matched text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** 1-based page number when the input came from a paged document (PDF). */
  page: z.number().int().positive().optional(),
});
export type RuleEvidence = z.infer<typeof RuleEvidenceSchema>;

/** A model feature that weighed for the theme, with where it occurs. */
export const FeatureEvidenceSchema = z.object({
  kind: z.literal('feature'),
  theme: z.string(),
  feature: z.string(),
  /** Contribution to the theme's log-odds (positive pushes towards the theme). */
  weight: z.number(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  page: z.number().int().positive().optional(),
});
export type FeatureEvidence = z.infer<typeof FeatureEvidenceSchema>;

export const EvidenceSchema = z.discriminatedUnion('kind', [RuleEvidenceSchema, FeatureEvidenceSchema]);
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One theme's fused result for a sentence (or any span). */
export const ThemeScoreSchema = z.object({
  /** Fused 0..1 score; tagged when score >= 0.5. */
  score: z.number().min(0).max(1),
  tagged: z.boolean(),
  /** Model probability (0..1) before fusion; absent without a model. */
  probability: z.number().min(0).max(1).optional(),
  /** Rule strength (noisy-OR of the weights of the distinct rules that fired), 0 when none fired. */
  ruleScore: z.number().min(0).max(1),
  /** What made the decision: rules alone, the model alone, both, or none. */
  source: SourceSchema,
});
export type ThemeScore = z.infer<typeof ThemeScoreSchema>;

/** A sentence of the input with its scores and evidence. */
export const SentenceResultSchema = z.object({
  index: z.number().int().nonnegative(),
  block: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  page: z.number().int().positive().optional(),
  themes: z.array(z.string()),
  scores: z.record(z.string(), ThemeScoreSchema),
  evidence: z.array(EvidenceSchema),
});
export type SentenceResult = z.infer<typeof SentenceResultSchema>;

/** One theme aggregated over the document. */
export const DocumentThemeSchema = z.object({
  score: z.number().min(0).max(1),
  tagged: z.boolean(),
  source: SourceSchema,
  /** Number of sentences tagged with the theme. */
  sentences: z.number().int().nonnegative(),
  /** Share of the document's sentences tagged with the theme (0..1). */
  share: z.number().min(0).max(1),
  /** The strongest evidence across the document, strongest first. */
  evidence: z.array(EvidenceSchema),
});
export type DocumentTheme = z.infer<typeof DocumentThemeSchema>;

/** Everything `tag()` returns for one input. */
export const TagResultSchema = z.object({
  id: z.string().optional(),
  /** Theme ids tagged at document level, in taxonomy order. */
  themes: z.array(z.string()),
  /** Document-level fused score per theme. */
  scores: z.record(z.string(), z.number().min(0).max(1)),
  document: z.record(z.string(), DocumentThemeSchema),
  sentences: z.array(SentenceResultSchema),
  meta: z.object({
    characters: z.number().int().nonnegative(),
    sentenceCount: z.number().int().nonnegative(),
    model: z.object({ name: z.string(), version: z.number(), corpusHash: z.string() }).optional(),
    ruleSets: z.array(z.string()),
  }),
});
export type TagResult = z.infer<typeof TagResultSchema>;
