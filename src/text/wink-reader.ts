/**
 * The one place that talks to wink-nlp. The English model is injected by the
 * caller (never imported here: it is large); the wink instance is created on
 * first use and memoised, so building an analyzer costs nothing until it runs.
 * Results come out as parallel arrays read with wink's collection `out`, which
 * is far cheaper than one item object per token.
 */
import winkNLP from 'wink-nlp';
import type { ItsFunction, Model } from 'wink-nlp';
import { InputError } from '../errors';

/** What wink says about a text, one entry per wink token (including line-break tokens). */
export interface WinkReading {
  readonly values: readonly string[];
  /** wink token types: "word", "number", "punctuation", "tabCRLF", ... */
  readonly types: readonly string[];
  readonly lemmas: readonly string[];
  readonly pos: readonly string[];
  readonly negationFlags: readonly boolean[];
  /** 1 where wink starts a sentence. */
  readonly sentenceStarts: Uint8Array;
}

/** Access to wink for one analyzer. */
export interface WinkReader {
  /** Reads a text with wink's pipe ['sbd', 'negation', 'pos']. */
  read(text: string): WinkReading;
  /**
   * Lemma wink gives a lower-case word read on its own (memoised). Used for
   * capitalised words wink tagged PROPN and so left unlemmatised
   * ("Meetings were held" -> "meeting"); names stay as they are ("jones").
   */
  lemmaOfWord(word: string): string;
  /** True when wink's lexicon holds the lower-case word (made-up names are not in it). */
  isLexiconWord(word: string): boolean;
}

// Bound on the lemmaOfWord memo, so a stream of documents full of names cannot grow it without end.
const MAX_MEMOISED_WORDS = 20_000;

// What the pipe needs from a wink language model (wink's own load() calls these).
const REQUIRED_PARTS = ['core', 'sbd', 'negation', 'pos'] as const;

/**
 * Checks that `model` looks like a wink English language model (such as
 * `wink-eng-lite-web-model`) and returns a lazy reader over it.
 * @throws InputError (INVALID_OPTIONS) when the model lacks what the pipe needs.
 */
export function createWinkReader(model: object): WinkReader {
  const record = model as Record<string, unknown> | null;
  const missing: string[] = REQUIRED_PARTS.filter((part) => typeof record?.[part] !== 'function');
  const addons = record?.['addons'] as Record<string, unknown> | undefined;
  if (typeof addons?.['lemmatize'] !== 'function') missing.push('addons.lemmatize');
  if (record === null || typeof record !== 'object' || missing.length > 0) {
    throw new InputError(
      `expected a wink English language model (for example wink-eng-lite-web-model), but it lacks: ${missing.join(', ') || 'everything'}`,
      { code: 'INVALID_OPTIONS', issues: missing.map((part) => ({ path: ['model', ...part.split('.')], message: 'missing function' })) },
    );
  }
  let nlp: ReturnType<typeof winkNLP> | undefined;
  const wordLemmas = new Map<string, string>();
  // wink numbers its lexicon's words first and gives each unseen word the next id,
  // so the id of a nonsense word read first thing is the lexicon's size.
  let lexiconSize = 0;
  const instance = (): ReturnType<typeof winkNLP> => {
    if (!nlp) {
      nlp = winkNLP(model as Model, ['sbd', 'negation', 'pos']);
      lexiconSize = Number(nlp.readDoc('qxzvjkwq').tokens().out(nlp.its.uniqueId)[0] ?? 0);
    }
    return nlp;
  };
  const read = (text: string): WinkReading => {
    const nlp = instance();
    const its = nlp.its;
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const sentenceStarts = new Uint8Array(values.length);
    for (const span of doc.sentences().out(its.span) as unknown as number[][]) {
      const first = span[0];
      if (first !== undefined && first < values.length) sentenceStarts[first] = 1;
    }
    return {
      values,
      types: tokens.out(its.type) as string[],
      // wink's typings declare lemma with an extra argument; it is a token `its` like the others.
      lemmas: tokens.out(its.lemma as unknown as ItsFunction<string>) as string[],
      pos: tokens.out(its.pos) as string[],
      negationFlags: tokens.out(its.negationFlag) as unknown as boolean[],
      sentenceStarts,
    };
  };
  const lemmaOfWord = (word: string): string => {
    const known = wordLemmas.get(word);
    if (known !== undefined) return known;
    const nlp = instance();
    const lemma = String(nlp.readDoc(word).tokens().out(nlp.its.lemma as unknown as ItsFunction<string>)[0] ?? word).toLowerCase();
    // Bounded: the words are capitalised plurals, few per corpus; names beyond the bound are just recomputed.
    if (wordLemmas.size < MAX_MEMOISED_WORDS) wordLemmas.set(word, lemma);
    return lemma;
  };
  const lexiconWords = new Map<string, boolean>();
  const isLexiconWord = (word: string): boolean => {
    const known = lexiconWords.get(word);
    if (known !== undefined) return known;
    const nlp = instance();
    const found = Number(nlp.readDoc(word).tokens().out(nlp.its.uniqueId)[0] ?? Infinity) < lexiconSize;
    if (lexiconWords.size < MAX_MEMOISED_WORDS) lexiconWords.set(word, found);
    return found;
  };
  return { read, lemmaOfWord, isLexiconWord };
}
