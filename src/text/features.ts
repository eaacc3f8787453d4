/**
 * Turns analysed tokens into model features: string keys with the character span
 * each came from, so a tagger can point at WHERE a feature that weighed in occurs.
 *
 * Policy, token by token (within one sentence; n-grams never cross sentences):
 * - Punctuation, symbols and other non-word tokens are dropped, and they BREAK
 *   n-grams (a comma or semicolon is a clause boundary).
 * - Particles (pos PART: possessive 's, infinitival "to") are dropped without
 *   breaking n-grams, except the negator "not"/"n't", which is the word `not`
 *   (never prefixed itself): "not visit" is local negation that needs no scope.
 * - Numbers (kind "number" or pos NUM) become `<num>`: "28 cases" and "four home
 *   visits" say something about caseloads and repeated visits, the digits do not.
 *   A number is never dropped as a stop word.
 * - Proper nouns (pos PROPN) become `<name>`, and a run of them ("Harrowfield
 *   Primary", "Child T") is one `<name>` spanning the run: the corpus is full of
 *   fictional names that must not become features. Exception: an all-capitals
 *   acronym of 2+ characters (GP, DSL, CAMHS, MASH) names an agency or role, not a
 *   person, and is kept as a word. Known limit: wink tags many sentence-initial
 *   common nouns as PROPN ("Mother cancelled ...", "Information was shared ...",
 *   "Practitioners ..."), and those become `<name>` too, losing the word there.
 * - Stop words (token.stop, from the analyzer's list) under policy `keep` (the
 *   default) are ordinary words; under policy `drop` they are not features and
 *   n-grams bridge over them ("brought to the clinic" gives "bring clinic").
 *   `keep` is the default because grouped cross-validation on the default
 *   corpus preferred it (macro-F1 0.734 vs 0.719 with negation off): function
 *   words inside bigrams ("to the", "was not", "on their") carry phrasing that
 *   naive Bayes uses, and the analyzer's list already keeps negators, modals and
 *   time words out of the stop set.
 * - A word is its lemma (lower-cased when `lowercase`), prefixed `not_` when the
 *   analyzer put it inside a negation scope and `negation` is on. Negation is
 *   OFF by default: the prefix splits every word in a scope from its plain form
 *   ("not_child" and "child" share nothing), and cross-validation scored it
 *   lower (macro-F1 0.717 vs 0.734); local negation still reaches the model
 *   through the word `not` and its bigrams ("not visit", "never see", "no referral").
 * - Negation scope reaches the model additively instead (`negatedWords`, on by
 *   default): each content word in a scope also counts as `not_<lemma>`, so
 *   "nobody asked the children" carries `not_ask` and `not_child` besides `ask`
 *   and `child`. Grouped cross-validation on the 6,400-unit corpus: macro-F1
 *   0.736 with it, 0.734 without (a tie); the replacing prefix scored 0.724.
 * - An n-gram joins its parts' keys with a single space ("home visit"); each
 *   part keeps its own `not_` prefix. Its span runs from the first part's start
 *   to the last part's end.
 */
import { z } from 'zod';
import type { AnalyzedText, Token } from './types';

/** Feature extraction settings. Stored in the model file so prediction extracts exactly what training did. */
export const featureSettingsSchema = z.strictObject({
  /**
   * Smallest and largest n-gram length, inclusive.
   * @default [1, 2]
   */
  ngramRange: z
    .tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
    .refine(([min, max]) => min <= max, { message: 'ngramRange: the minimum must not exceed the maximum' }),
  /**
   * Prefix words inside a negation scope with `not_`.
   * @default false
   */
  negation: z.boolean(),
  /**
   * Besides its plain features, count each content word inside a negation scope
   * once more as `not_<lemma>` ("nobody asked the children" adds `not_ask` and
   * `not_child`). Unlike `negation`, the plain word keeps its evidence.
   * @default true
   */
  negatedWords: z.boolean().default(true),
  /**
   * `keep`: stop words are ordinary words; `drop`: stop words are not features and n-grams bridge over them.
   * @default 'keep'
   */
  stopWords: z.enum(['drop', 'keep']),
  /**
   * Lower-case the lemma.
   * @default true
   */
  lowercase: z.boolean(),
  /**
   * Training keeps a feature in the vocabulary only if it occurs at least this
   * often (in this many examples when `binary`).
   * @default 2
   */
  minCount: z.number().int().min(1),
  /**
   * Count a feature once per input (presence) instead of once per occurrence.
   * @default true
   */
  binary: z.boolean(),
});

/** Feature extraction settings (see {@link featureSettingsSchema}). */
export type FeatureSettings = z.infer<typeof featureSettingsSchema>;

/** Default feature settings. */
export const DEFAULT_FEATURE_SETTINGS: Readonly<FeatureSettings> = Object.freeze({
  ngramRange: [1, 2] as [number, number],
  negation: false,
  negatedWords: true,
  stopWords: 'keep' as const,
  lowercase: true,
  minCount: 2,
  binary: true,
});

/** One feature occurrence: its key and the character span (into the original input) it came from. */
export interface Feature {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** Placeholder key of a number. */
export const NUMBER_FEATURE = '<num>';
/** Placeholder key of a proper noun (a run of them). */
export const NAME_FEATURE = '<name>';
/** Prefix of a word inside a negation scope. */
export const NEGATION_PREFIX = 'not_';

/** A unit that n-grams are built from: one kept word, number or name run. */
interface Unit {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** Lemma of the negating particle ("not", "n't"). */
const NEGATOR = 'not';

/** A token that names an agency or role (GP, CAMHS), not a person. */
const ACRONYM = /^[A-Z][A-Z0-9]+$/;

/**
 * Features of one sentence's tokens: all unigrams in text order (when the range
 * includes 1), then all bigrams in text order, and so on.
 */
export function extractFeatures(tokens: readonly Token[], settings: FeatureSettings): Feature[] {
  const [minN, maxN] = settings.ngramRange;
  const runs = unitRuns(tokens, settings);
  const features: Feature[] = [];
  for (let n = minN; n <= maxN; n++) {
    // n-grams stay inside a run of units not separated by punctuation.
    for (const run of runs) {
      for (let i = 0; i + n <= run.length; i++) {
        const first = run[i]!;
        const last = run[i + n - 1]!;
        // join() gives a flat string; `+=` would build a rope that every Map lookup must flatten first.
        const key = n === 1 ? first.key : run.slice(i, i + n).map((unit) => unit.key).join(' ');
        features.push({ key, start: first.start, end: last.end });
      }
    }
  }
  for (const feature of negatedWordFeatures(tokens, settings)) features.push(feature);
  return features;
}

/** The additive `not_<lemma>` features of the content words inside a negation scope (`negatedWords`). */
export function negatedWordFeatures(tokens: readonly Token[], settings: FeatureSettings): Feature[] {
  const features: Feature[] = [];
  if (!settings.negatedWords || settings.negation) return features;
  for (const token of tokens) {
    if (!token.negated || token.kind !== 'word' || token.stop || token.pos === 'PROPN' || token.pos === 'PART' || token.pos === 'NUM') continue;
    const word = settings.lowercase ? token.lemma.toLowerCase() : token.lemma;
    if (word) features.push({ key: NEGATION_PREFIX + word, start: token.start, end: token.end });
  }
  return features;
}

/** Features of every sentence of an analysed text, sentence by sentence. */
export function extractTextFeatures(analyzed: AnalyzedText, settings: FeatureSettings): Feature[] {
  const features: Feature[] = [];
  for (const sentence of analyzed.sentences) {
    for (const feature of extractFeatures(sentence.tokens, settings)) features.push(feature);
  }
  return features;
}

/** Splits a sentence into runs of units; punctuation and other non-words end a run. */
function unitRuns(tokens: readonly Token[], settings: FeatureSettings): Unit[][] {
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  forEachUnit(tokens, settings, {
    add(key, start, end) {
      run.push({ key, start, end });
    },
    extendLast(end) {
      const last = run[run.length - 1]!;
      run[run.length - 1] = { key: last.key, start: last.start, end };
    },
    endRun() {
      runs.push(run);
      run = [];
    },
  });
  if (run.length) runs.push(run);
  return runs;
}

/** Receives a sentence's units in order from forEachUnit. */
export interface UnitSink {
  /** A new unit in the current run. */
  add(key: string, start: number, end: number): void;
  /** The last unit now ends at `end` (a proper noun joined to the name before it). */
  extendLast(end: number): void;
  /** The current run, not empty, ends (punctuation or another non-word token). */
  endRun(): void;
}

/** The units of a sentence's tokens (see the module comment): one walk for unitRuns and encodeFeatures (feature-encoding.ts). */
export function forEachUnit(tokens: readonly Token[], settings: FeatureSettings, sink: UnitSink): void {
  let runLength = 0;
  let lastKey = ''; // key of the last unit of the current run
  let previousWasName = false;
  const add = (key: string, start: number, end: number): void => {
    sink.add(key, start, end);
    runLength++;
    lastKey = key;
  };
  for (const token of tokens) {
    if (token.kind !== 'word' && token.kind !== 'number') {
      if (runLength > 0) sink.endRun();
      runLength = 0;
      previousWasName = false;
      continue;
    }
    const isNumber = token.kind === 'number' || token.pos === 'NUM';
    if (token.pos === 'PART' && token.lemma.toLowerCase() === NEGATOR) {
      add(NEGATOR, token.start, token.end);
      previousWasName = false;
      continue;
    }
    if (!isNumber && (token.pos === 'PART' || (settings.stopWords === 'drop' && token.stop))) {
      previousWasName = false; // only ADJACENT proper nouns merge: "T and Kayden" is two names
      continue;
    }
    const prefix = settings.negation && token.negated ? NEGATION_PREFIX : '';
    const isName = !isNumber && token.pos === 'PROPN' && !ACRONYM.test(token.text);
    if (isName && previousWasName && runLength > 0 && lastKey === prefix + NAME_FEATURE) {
      // A run of proper nouns is one name ("Child T"), so one placeholder spanning it.
      sink.extendLast(token.end);
      continue;
    }
    const word = isName ? NAME_FEATURE : isNumber ? NUMBER_FEATURE : settings.lowercase ? token.lemma.toLowerCase() : token.lemma;
    if (word === '') continue; // a word token without a lemma has nothing to count (keys must be non-empty)
    add(prefix + word, token.start, token.end);
    previousWasName = isName;
  }
}
