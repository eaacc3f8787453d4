/**
 * createTagger(): text -> segments -> features -> rules + model -> fusion -> result.
 * A tagger is an immutable value; extend() returns a new one and shares whatever
 * the two have in common (the analyzer, compiled rules, the classifier).
 */
import { InputError } from './errors';
import type { TagResult, ThemeScore } from './result-schema';
import type { RuleSet } from './rules/schema';
import type { ModelFile } from './nb/model-file';
import type { AnalyzedText } from './text/types';
import { FUSION_MODES, fuseTheme, type FusionMode } from './fuse/fuse';
import { DEFAULT_DOCUMENT_DECISION, DEFAULT_DOCUMENT_FROM, DOCUMENT_FROM, DocumentAccumulator, type DocumentDecision, type DocumentFrom } from './fuse/document';
import { scoreSpan, sentenceSignals, type SentenceSignals, type TaggerParts } from './tagger-parts';
import { SentenceStore } from './sentence-store';
import { buildParts } from './tagger-build';
import { checkChoice, checkMaxTextLength, checkPages, checkTagManyInput, checkText } from './tag-input';

import { pageAt, type PageSpan } from './pages';
export type { PageSpan } from './pages';

/** Options of createTagger. Everything a tagger does is decided here. */
export interface TaggerOptions {
  /**
   * The wink-nlp English model, injected so nothing loads behind your back:
   * `import languageModel from 'wink-eng-lite-web-model'`.
   */
  readonly languageModel: unknown;
  /** A trained model file (see parseModel). Without it, rules alone decide. */
  readonly model?: ModelFile;
  /** Rule sets (see parseRuleSet). Without them, the model alone decides. */
  readonly ruleSets?: readonly RuleSet[];
  /** `fused` (default) or one source alone, for ablation. @default 'fused' */
  readonly mode?: FusionMode;
  /** Restrict and order the themes reported. @default model labels, then rule-set themes */
  readonly themes?: readonly string[];
  /**
   * What decides a document's themes: `both` counts a paragraph (block) as carrying a
   * theme when it does as a whole or through one of its sentences; `paragraphs` scores
   * each paragraph as a whole only; `sentences` scores each sentence alone. Scored
   * whole, a paragraph of several findings and narrative dilutes the one that carries a
   * theme: on passages of 2-3 real-register units, cross-validated by page, `both`
   * scores 0.02-0.03 macro-F1 above `paragraphs` (README, model card). Sentence results
   * are reported in every case. @default 'both'
   */
  readonly documentFrom?: DocumentFrom;
  /**
   * How much of a document must carry a theme for a document-level tag: a theme is
   * tagged when its strongest passage is and at least `minPassages` passages (all of
   * a shorter text) and `minShare` of the passages carry it (see src/fuse/document.ts).
   * @default DEFAULT_DOCUMENT_DECISION
   */
  readonly documentDecision?: Partial<DocumentDecision>;
  /** Pieces of evidence kept per theme at document level. @default 5 */
  readonly maxEvidence?: number;
  /** Model features reported per tagged theme and sentence. @default 3 */
  readonly topFeatures?: number;
  /**
   * Longest text tag() accepts, in characters; longer texts throw InputError
   * INPUT_TOO_LARGE before any work. `Infinity` for no limit.
   * @default 5_000_000 (DEFAULT_MAX_TEXT_LENGTH)
   */
  readonly maxTextLength?: number;
}

/** Per-call options of tag(). */
export interface TagOptions {
  readonly id?: string;
  /** Page spans of the text, so evidence carries page numbers. */
  readonly pages?: readonly PageSpan[];
}

/** One input of tagMany(). */
export type TagInput = string | ({ readonly text: string } & TagOptions);

/** An immutable tagger. */
export interface Tagger {
  /** Theme ids this tagger reports, in order. */
  readonly themes: readonly string[];
  /** The options it was created with. */
  readonly options: Readonly<TaggerOptions>;
  /** Tags one text. Deterministic: the same text gives the same result. */
  tag(text: string, options?: TagOptions): TagResult;
  /** Tags many inputs, in order. */
  tagMany(inputs: Iterable<TagInput>): TagResult[];
  /** Analyses text without scoring (blocks, sentences, tokens). */
  analyze(text: string): AnalyzedText;
  /** A new tagger with some options replaced; this one is unchanged. */
  extend(overrides: Partial<TaggerOptions>): Tagger;
}

/** Creates a tagger. Throws InputError (INVALID_OPTIONS) when it would have no themes or no language model. */
export function createTagger(options: TaggerOptions): Tagger {
  if (!options || typeof options !== 'object' || !options.languageModel) {
    throw new InputError('createTagger needs { languageModel } (import it from "wink-eng-lite-web-model")', { code: 'INVALID_OPTIONS' });
  }
  checkMaxTextLength(options.maxTextLength);
  checkChoice('mode', options.mode, FUSION_MODES);
  checkChoice('documentFrom', options.documentFrom, DOCUMENT_FROM);
  const frozen: TaggerOptions = Object.freeze({ ...options });
  let parts: TaggerParts | undefined;
  const getParts = (): TaggerParts => (parts ??= buildParts(frozen));
  const themes = Object.freeze(buildParts.themesOf(frozen));

  const tag = (text: string, tagOptions: TagOptions = {}): TagResult => {
    checkText(text, frozen.maxTextLength);
    checkPages(tagOptions.pages, text.length);
    return tagText(getParts(), frozen, themes, text, tagOptions);
  };
  const tagger: Tagger = {
    themes,
    options: frozen,
    tag,
    tagMany: (inputs) => [...inputs].map((input, i) => (checkTagManyInput(input, i), typeof input === 'string' ? tag(input) : tag(input.text, input))),
    analyze: (text) => getParts().analyzer.analyze(text),
    extend: (overrides) => createTagger({ ...frozen, ...overrides }),
  };
  return Object.freeze(tagger);
}

function tagText(parts: TaggerParts, options: TaggerOptions, themes: readonly string[], text: string, tagOptions: TagOptions): TagResult {
  const mode = options.mode ?? 'fused';
  const pageOf = pageLookup(tagOptions.pages);
  const documentFrom = options.documentFrom ?? DEFAULT_DOCUMENT_FROM;
  const topFeatures = options.topFeatures ?? 3;
  // Sentence results go straight into compact storage; passages are folded into the
  // document aggregate as they end. A sentence's tokens and signals are dropped once
  // its paragraph is scored, so memory follows the (compact) result on long documents.
  const store = new SentenceStore(themes, text);
  const document = new DocumentAccumulator(themes);
  let block: SentenceSignals[] = [];
  let blockScores: Record<string, ThemeScore>[] = [];
  let blockIndex = -1;
  const finishBlock = (): void => {
    // A one-sentence paragraph scores as its sentence; longer ones are scored as a whole.
    if (documentFrom !== 'sentences' && block.length > 0) {
      const whole = block.length === 1 ? blockScores[0]! : scoreSpan(parts, block, themes, mode, 0).scores;
      // `both`: a paragraph carries a theme when it does as a whole or through one of its sentences.
      const scores = documentFrom === 'both' && block.length > 1 ? strongest(themes, whole, blockScores) : whole;
      document.add({ scores, sentences: block.length });
    }
    block = [];
    blockScores = [];
  };
  parts.analyzer.forEachSentence(text, (sentence) => {
    if (sentence.block !== blockIndex) {
      finishBlock();
      blockIndex = sentence.block;
    }
    const signals = sentenceSignals(parts, sentence, mode);
    block.push(signals);
    const scored = scoreSpan(parts, [signals], themes, mode, topFeatures);
    blockScores.push(scored.scores);
    store.add({
      block: sentence.block,
      start: sentence.start,
      end: sentence.end,
      page: pageOf(sentence.start),
      practice: scored.practice,
      scores: scored.scores,
      evidence: scored.evidence,
      evidencePage: pageOf,
    });
    if (documentFrom === 'sentences') document.add({ scores: scored.scores, sentences: 1 });
  });
  finishBlock();
  const decision: DocumentDecision = { ...DEFAULT_DOCUMENT_DECISION, ...options.documentDecision };
  const documentThemes = document.finish(store.summary(), options.maxEvidence ?? 5, decision);
  return {
    ...(tagOptions.id === undefined ? {} : { id: tagOptions.id }),
    themes: themes.filter((t) => documentThemes[t]!.tagged),
    scores: Object.fromEntries(themes.map((t) => [t, documentThemes[t]!.score])),
    document: documentThemes,
    sentences: store.sentences(),
    meta: {
      characters: text.length,
      sentenceCount: store.count,
      ...(parts.modelInfo ? { model: parts.modelInfo } : {}),
      ruleSets: parts.ruleSetNames,
    },
  };
}

/** Per theme, the stronger of a paragraph's own score and its sentences' scores. */
function strongest(themes: readonly string[], whole: Record<string, ThemeScore>, members: readonly Record<string, ThemeScore>[]): Record<string, ThemeScore> {
  const out: Record<string, ThemeScore> = {};
  for (const theme of themes) {
    let best = whole[theme]!;
    for (const m of members) if (m[theme]!.score > best.score) best = m[theme]!;
    out[theme] = best;
  }
  return out;
}

function pageLookup(pages: readonly PageSpan[] | undefined): (offset: number) => number | undefined {
  if (!pages?.length) return () => undefined;
  const sorted = [...pages].sort((a, b) => a.start - b.start);
  return (offset) => pageAt(sorted, offset);
}

export { fuseTheme };
