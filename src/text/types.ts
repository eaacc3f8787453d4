/**
 * Shapes shared by segmentation, rules and the model. Every offset is a UTF-16
 * code-unit index into the ORIGINAL input string, so `input.slice(start, end)`
 * gives back the span's own text.
 */

/** Kind of a block found by segmentation. */
export type BlockKind = 'paragraph' | 'list-item' | 'heading';

/** A paragraph, list item or heading of the input. */
export interface Block {
  readonly index: number;
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  /** Leading marker that is not part of the prose: "4.12", "•", "(a)", "3." */
  readonly marker?: { readonly text: string; readonly start: number; readonly end: number };
}

/** One token with its normalised forms. */
export interface Token {
  /** Text as written in the input (for a word hyphenated across a line break, the joined word). */
  readonly text: string;
  /** Lower-cased surface form ("children"). */
  readonly norm: string;
  /** Lemma / base form ("child"). Equal to norm for punctuation and numbers. */
  readonly lemma: string;
  readonly start: number;
  readonly end: number;
  /** Inside a negation scope ("did not visit", "nobody asked", "without seeing"). */
  readonly negated: boolean;
  readonly kind: 'word' | 'number' | 'punctuation' | 'symbol' | 'other';
  /** Universal part-of-speech tag from wink ("NOUN", "PROPN", "VERB", ...). */
  readonly pos: string;
  /** On the project's stop-word list (see text/stop-words.ts). */
  readonly stop: boolean;
}

/** One sentence with its tokens. */
export interface Sentence {
  readonly index: number;
  /** Index of the Block it belongs to. */
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** The analysed document. */
export interface AnalyzedText {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly sentences: readonly Sentence[];
}

/** Turns text into blocks, sentences and tokens. Created once, reused, pure. */
export interface TextAnalyzer {
  analyze(text: string): AnalyzedText;
  /**
   * `analyze` one sentence at a time: each sentence goes to `visit` as soon as it is
   * complete, in order, and is not kept, so memory stays bounded on long documents.
   * Returns the text and its blocks.
   */
  forEachSentence(text: string, visit: (sentence: Sentence) => void): Omit<AnalyzedText, 'sentences'>;
  /** Tokens of a short snippet, as one sentence (used to compile rule examples and patterns). */
  tokenize(text: string): readonly Token[];
}
