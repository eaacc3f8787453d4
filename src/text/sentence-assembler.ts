/**
 * Collects the tokens of one sentence from wink's output (in cleaned-text
 * offsets), then turns them into Token objects in ORIGINAL offsets with
 * negation marked. Scratch arrays are reused from sentence to sentence so the
 * hot loop allocates only the tokens it returns.
 */
import { isNegationCue, markNegation } from './negation';
import type { CleanedText } from './clean';
import { isStopWord } from './stop-words';
import { isCapitalisedPlural, tokenKind, wordLemma } from './token-forms';
import type { Token } from './types';

/** Accumulates one sentence's tokens; `finish` emits them and resets. */
export class SentenceAssembler {
  /** Tokens collected so far. */
  count = 0;
  private readonly values: string[] = [];
  private readonly norms: string[] = [];
  private readonly lemmas: string[] = [];
  private readonly kinds: Token['kind'][] = [];
  private readonly pos: string[] = [];
  private readonly winkFlags: boolean[] = [];
  private readonly spaceBefore: boolean[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly negated: boolean[] = [];
  // Whether the sentence has a negation cue or a wink negation mark at all.
  private mayNegate = false;
  // Cursor into cleaned.replacedPositions (tokens arrive in text order).
  private replacedCursor = 0;

  constructor(
    /** The original input. */
    private readonly input: string,
    private readonly cleaned: CleanedText,
    /** Lemma of a lower-case word read alone (for capitalised plurals tagged PROPN). */
    private readonly lemmaOfWord: (word: string) => string,
    /** True when the lower-case word is in wink's lexicon (not a made-up name). */
    private readonly isLexiconWord: (word: string) => boolean = () => false,
    /** Where `input` starts in the whole text: added to every token's offsets. */
    private readonly offset = 0,
  ) {}

  // Word tokens added to the current sentence so far.
  private words = 0;

  /** Adds wink token (value, type, lemma, pos, negation flag) found at [start, end) of the cleaned text. */
  add(value: string, winkType: string, winkLemma: string, winkPos: string, winkFlag: boolean, start: number, end: number, spaceBefore: boolean): void {
    // wink keeps a sentence's full stop on a time ("at 10pm."): split it off.
    if (winkType === 'time' && value.length > 1 && value.charCodeAt(value.length - 1) === 0x2e) {
      this.add(value.slice(0, -1), winkType, winkLemma.slice(0, -1), winkPos, winkFlag, start, end - 1, spaceBefore);
      this.add('.', 'punctuation', '.', 'PUNCT', false, end - 1, end, false);
      return;
    }
    let pos = winkPos;
    const kind = tokenKind(winkType, value);
    const last = this.count - 1;
    // wink splits "10.30pm" into "10.3" + "0pm": glue a time written against a number back on.
    if (winkType === 'time' && !spaceBefore && last >= 0 && this.kinds[last] === 'number' && this.ends[last] === start) {
      const joined = this.values[last] + value;
      this.values[last] = joined;
      this.norms[last] = joined.toLowerCase();
      this.lemmas[last] = this.norms[last]!;
      this.ends[last] = end;
      return;
    }
    const k = this.count;
    const norm = value.toLowerCase();
    this.values[k] = value;
    this.norms[k] = norm;
    let lemma = kind === 'word' ? wordLemma(norm, winkLemma) : norm;
    if (pos === 'PROPN' && kind === 'word' && this.words === 0 && !isAllCapitals(value) && this.isLexiconWord(norm)) {
      // wink tags a capitalised common word at the start of a sentence as a proper
      // noun ("Mother cancelled", "Practitioners felt"): treat a word its lexicon
      // knows as a common noun there, so it is lemmatised and not taken for a name.
      pos = 'NOUN';
      lemma = this.lemmaOfWord(norm);
    } else if (pos === 'PROPN' && lemma === norm && isCapitalisedPlural(value)) lemma = this.lemmaOfWord(norm);
    if (kind === 'word') this.words++;
    this.lemmas[k] = lemma;
    this.kinds[k] = kind;
    this.pos[k] = pos;
    this.winkFlags[k] = winkFlag;
    if (winkFlag || isNegationCue(norm)) this.mayNegate = true;
    this.spaceBefore[k] = spaceBefore;
    this.starts[k] = start;
    this.ends[k] = end;
    this.count = k + 1;
  }

  /**
   * The word a sentence-final full stop follows, lower-cased without the stop
   * ("para" for "para" + "."; "etc" for "etc."), or undefined when the
   * sentence does not end with a full stop.
   */
  wordBeforeFinalStop(): string | undefined {
    const last = this.count - 1;
    if (last < 0) return undefined;
    const norm = this.norms[last]!;
    if (norm === '.') return last > 0 && !this.spaceBefore[last] ? this.norms[last - 1] : undefined;
    return norm.length > 1 && norm.endsWith('.') ? norm.slice(0, -1) : undefined;
  }

  /** The last token as written in the cleaned text, or undefined when empty. */
  lastValue(): string | undefined {
    return this.count > 0 ? this.values[this.count - 1] : undefined;
  }

  /** Emits the collected tokens in original offsets, with negation, and resets. */
  finish(): Token[] {
    const n = this.count;
    const { map } = this.cleaned;
    const replaced = this.cleaned.replacedPositions;
    const verbatim = map.isIdentity && replaced.length === 0;
    const negated = this.negated;
    if (this.mayNegate) {
      markNegation(
        { count: n, norms: this.norms, lemmas: this.lemmas, kinds: this.kinds, pos: this.pos, winkFlags: this.winkFlags, spaceBefore: this.spaceBefore },
        negated,
      );
    }
    const mayNegate = this.mayNegate;
    const tokens = new Array<Token>(n);
    for (let k = 0; k < n; k += 1) {
      const cs = this.starts[k]!;
      const ce = this.ends[k]!;
      const value = this.values[k]!;
      let start = cs;
      let end = ce;
      let text = value;
      if (!verbatim) {
        start = map.toOriginalStart(cs);
        end = map.toOriginalEnd(ce);
        let cursor = this.replacedCursor;
        while (cursor < replaced.length && replaced[cursor]! < cs) cursor += 1;
        this.replacedCursor = cursor;
        // Keep the text as written (curly quotes) unless the token spans a join ("safe-\nguarding").
        if (cursor < replaced.length && replaced[cursor]! < ce && end - start === ce - cs) text = this.input.slice(start, end);
      }
      const norm = this.norms[k]!;
      tokens[k] = {
        text,
        norm,
        lemma: this.lemmas[k]!,
        start: start + this.offset,
        end: end + this.offset,
        negated: mayNegate && negated[k] === true,
        kind: this.kinds[k]!,
        pos: this.pos[k]!,
        stop: this.kinds[k] === 'word' && isStopWord(norm),
      };
    }
    this.count = 0;
    this.words = 0;
    this.mayNegate = false;
    return tokens;
  }
}

function isAllCapitals(value: string): boolean {
  return value.length > 1 && value === value.toUpperCase();
}
