/**
 * The tag result: what `tag()` returns and what the CLI prints as JSON. The types are
 * plain interfaces (what an editor shows on hover and the docs list); each has a zod
 * schema so other systems can validate a result, and `schemas/*.schema.json` are
 * generated from the schemas for systems not written in TypeScript. A compile-time
 * check at the bottom keeps each interface and its schema the same shape.
 */
import { z } from 'zod';

/** Which part of the tagger produced a score or a piece of evidence. */
export type Source = 'rules' | 'model' | 'both' | 'none';

/** A rule that fired, with the span it matched. */
export interface RuleEvidence {
  readonly kind: 'rule';
  readonly theme: string;
  /** The rule's id in its rule set. */
  readonly ruleId: string;
  /** The rule's weight (0..1]. */
  readonly weight: number;
  /** Offsets into the original input: `input.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 1-based page number when the input came from a paged document (PDF). */
  readonly page?: number;
}

/** A model feature that weighed for the theme, with where it occurs. */
export interface FeatureEvidence {
  readonly kind: 'feature';
  readonly theme: string;
  /** The feature as the model knows it ("not_tell", "gp not"). */
  readonly feature: string;
  /** Contribution to the theme's log-odds (positive pushes towards the theme). */
  readonly weight: number;
  /** Offsets into the original input: `input.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 1-based page number when the input came from a paged document (PDF). */
  readonly page?: number;
}

/** One piece of evidence: a rule hit or a model feature (`kind` tells which). */
export type Evidence = RuleEvidence | FeatureEvidence;

/** One theme's fused result for a sentence (or any span). */
export interface ThemeScore {
  /** Fused 0..1 score; tagged when score >= 0.5. */
  readonly score: number;
  readonly tagged: boolean;
  /**
   * Model probability (0..1) before fusion. Present whenever the tagger has a model
   * (the default tagger always has); absent for a rules-only tagger.
   */
  readonly probability?: number;
  /** Rule strength (noisy-OR of the weights of the distinct rules that fired), 0 when none fired. */
  readonly ruleScore: number;
  /** What made the decision: rules alone, the model alone, both, or none. */
  readonly source: Source;
}

/** A sentence of the input with its scores and evidence. */
export interface SentenceResult {
  /** 0-based position among the document's sentences. */
  readonly index: number;
  /** 0-based block (paragraph, heading, list item) the sentence belongs to. */
  readonly block: number;
  /** Offsets into the original input: `input.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 1-based page number (PDF). */
  readonly page?: number;
  /**
   * Probability (0..1) that the sentence states a practice point (a finding, a
   * shortfall, good practice, a recommendation) rather than narrative, method or
   * background; present when the model has a practice gate. Theme scores of a span
   * below the gate threshold are scaled down by it.
   */
  readonly practice?: number;
  /** Themes tagged on this sentence, in taxonomy order. */
  readonly themes: string[];
  /** Every theme's result for this sentence. */
  readonly scores: Record<string, ThemeScore>;
  readonly evidence: Evidence[];
}

/** One theme aggregated over the document. */
export interface DocumentTheme {
  /**
   * Document-level 0..1 score, min(strength, 1 - 0.5^support): high only when the
   * theme is both strong and carried by enough of the text (src/fuse/document.ts).
   */
  readonly score: number;
  readonly tagged: boolean;
  readonly source: Source;
  /** The strongest passage's (or sentence's) fused score. */
  readonly strength: number;
  /** Number of passages (paragraphs, or sentences with documentFrom 'sentences') tagged with the theme. */
  readonly passages: number;
  /** Share of the document's sentences that lie in tagged passages (0..1). */
  readonly coverage: number;
  /** Number of sentences tagged with the theme. */
  readonly sentences: number;
  /** Share of the document's sentences tagged with the theme (0..1). */
  readonly share: number;
  /** The strongest evidence across the document, strongest first. */
  readonly evidence: Evidence[];
}

/** The model a result came from. */
export interface ResultModelInfo {
  readonly name: string;
  readonly version: number;
  /** Hash of the corpus the model was trained on. */
  readonly corpusHash: string;
}

/** Provenance and size of a result. */
export interface ResultMeta {
  /** Length of the input text in UTF-16 code units. */
  readonly characters: number;
  readonly sentenceCount: number;
  /** Absent for a rules-only tagger. */
  readonly model?: ResultModelInfo;
  /** Names of the rule sets used. */
  readonly ruleSets: string[];
}

/** Everything `tag()` returns for one input. */
export interface TagResult {
  readonly id?: string;
  /** Theme ids tagged at document level, in taxonomy order. */
  readonly themes: string[];
  /** Document-level fused score per theme. */
  readonly scores: Record<string, number>;
  /** Each theme aggregated over the document. */
  readonly document: Record<string, DocumentTheme>;
  readonly sentences: SentenceResult[];
  readonly meta: ResultMeta;
}

const offset = z.number().int().nonnegative();
const unit = z.number().min(0).max(1);
const page = z.number().int().positive().optional();

const sourceSchema = z.enum(['rules', 'model', 'both', 'none']);
const ruleEvidenceSchema = z.object({
  kind: z.literal('rule'), theme: z.string(), ruleId: z.string(), weight: z.number(), start: offset, end: offset, text: z.string(), page,
});
const featureEvidenceSchema = z.object({
  kind: z.literal('feature'), theme: z.string(), feature: z.string(), weight: z.number(), start: offset, end: offset, text: z.string(), page,
});
const evidenceSchema = z.discriminatedUnion('kind', [ruleEvidenceSchema, featureEvidenceSchema]);
const themeScoreSchema = z.object({ score: unit, tagged: z.boolean(), probability: unit.optional(), ruleScore: unit, source: sourceSchema });
const sentenceResultSchema = z.object({
  index: offset,
  block: offset,
  start: offset,
  end: offset,
  text: z.string(),
  page,
  practice: unit.optional(),
  themes: z.array(z.string()),
  scores: z.record(z.string(), themeScoreSchema),
  evidence: z.array(evidenceSchema),
});
const documentThemeSchema = z.object({
  score: unit,
  tagged: z.boolean(),
  source: sourceSchema,
  strength: unit,
  passages: offset,
  coverage: unit,
  sentences: offset,
  share: unit,
  evidence: z.array(evidenceSchema),
});
const resultMetaSchema = z.object({
  characters: offset,
  sentenceCount: offset,
  model: z.object({ name: z.string(), version: z.number(), corpusHash: z.string() }).optional(),
  ruleSets: z.array(z.string()),
});
const tagResultSchema = z.object({
  id: z.string().optional(),
  themes: z.array(z.string()),
  scores: z.record(z.string(), unit),
  document: z.record(z.string(), documentThemeSchema),
  sentences: z.array(sentenceResultSchema),
  meta: resultMetaSchema,
});

/** Schema of {@link Source}. */
export const SourceSchema: z.ZodType<Source> = sourceSchema;
/** Schema of {@link RuleEvidence}. */
export const RuleEvidenceSchema: z.ZodType<RuleEvidence> = ruleEvidenceSchema;
/** Schema of {@link FeatureEvidence}. */
export const FeatureEvidenceSchema: z.ZodType<FeatureEvidence> = featureEvidenceSchema;
/** Schema of {@link Evidence}. */
export const EvidenceSchema: z.ZodType<Evidence> = evidenceSchema;
/** Schema of {@link ThemeScore}. */
export const ThemeScoreSchema: z.ZodType<ThemeScore> = themeScoreSchema;
/** Schema of {@link SentenceResult}. */
export const SentenceResultSchema: z.ZodType<SentenceResult> = sentenceResultSchema;
/** Schema of {@link DocumentTheme}. */
export const DocumentThemeSchema: z.ZodType<DocumentTheme> = documentThemeSchema;
/** Schema of {@link ResultMeta}. */
export const ResultMetaSchema: z.ZodType<ResultMeta> = resultMetaSchema;
/** Schema of {@link TagResult}. */
export const TagResultSchema: z.ZodType<TagResult> = tagResultSchema;

/** The object schemas, for record schemas built on them (src/record-schema.ts). */
export const resultShapes = { sentence: sentenceResultSchema, documentTheme: documentThemeSchema, meta: resultMetaSchema, unit } as const;

// Compile-time check that each interface is exactly what its schema parses (a drift fails `tsc`).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
const inSync: [
  Same<Mutable<TagResult>, z.output<typeof tagResultSchema>>,
  Same<Mutable<SentenceResult>, z.output<typeof sentenceResultSchema>>,
  Same<Mutable<DocumentTheme>, z.output<typeof documentThemeSchema>>,
  Same<Mutable<ThemeScore>, z.output<typeof themeScoreSchema>>,
  Same<Mutable<Evidence>, z.output<typeof evidenceSchema>>,
] = [true, true, true, true, true];
void inSync;
