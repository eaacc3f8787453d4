/**
 * Turns a pattern word into the token sequences it stands for, so a pattern word is
 * split exactly as the text is: `child's` becomes `child` `'s`, and a hyphenated
 * word matches whether the text joins it (`multi-agency`), splits it
 * (`step` `-` `down`) or writes it with a space (`step down`).
 */

/** Splits one pattern word into lower-cased token texts, the way the analyzer tokenises text. */
export type WordSplitter = (word: string) => readonly string[];

/** The part of a TextAnalyzer the rule compiler needs. */
export interface WordTokenizer {
  tokenize(text: string): readonly { readonly norm: string }[];
}

/** One token of an expanded word; `optional` is true for the hyphen between parts. */
export interface WordPart {
  readonly text: string;
  readonly optional: boolean;
}

const CLITIC = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/;

/**
 * Splitter used when no analyzer is given: splits English clitics the way wink
 * does (`child's` -> `child` `'s`, `wasn't` -> `was` `n't`), keeps hyphens.
 */
export function defaultSplitWord(word: string): string[] {
  const w = word.toLowerCase().replace(/’/g, "'");
  const m = CLITIC.exec(w);
  if (!m) return [w];
  const base = m[1] as string;
  const clitic = m[2] as string;
  if (clitic === "n't") return [base === 'can' ? 'ca' : base === 'will' ? 'wo' : base === 'won' ? 'wo' : base, clitic];
  return [base, clitic];
}

/** A splitter that runs pattern words through the analyzer's own tokeniser (memoised: words repeat a lot). */
export function splitterFromTokenizer(tokenizer: WordTokenizer): WordSplitter {
  const memo = new Map<string, readonly string[]>();
  return (word) => {
    let parts = memo.get(word);
    if (parts === undefined) {
      parts = tokenizer.tokenize(word).map((t) => t.norm.toLowerCase().replace(/’/g, "'"));
      memo.set(word, parts);
    }
    return parts;
  };
}

/**
 * The alternatives a pattern word expands to. Returns one alternative for a plain
 * word; for a hyphenated word, the word as the splitter tokenises it (when that
 * keeps it whole) and its parts with optional hyphens between them.
 * Throws a plain Error when the splitter yields no tokens (the caller adds the path).
 */
export function expandWord(word: string, split: WordSplitter): WordPart[][] {
  const whole = split(word).filter((t) => t.length > 0);
  if (whole.length === 0) throw new Error(`word "${word}" contains no token`);
  const parts = word.split('-').filter((p) => p.length > 0);
  if (parts.length < 2) return [whole.map((text) => ({ text, optional: false }))];
  const alternatives: WordPart[][] = [];
  if (!whole.includes('-')) alternatives.push(whole.map((text) => ({ text, optional: false })));
  const spaced: WordPart[] = [];
  parts.forEach((part, i) => {
    if (i > 0) spaced.push({ text: '-', optional: true });
    for (const text of split(part)) if (text.length > 0) spaced.push({ text, optional: false });
  });
  alternatives.push(spaced);
  return alternatives;
}
