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
  tokenize(text: string): readonly { readonly norm: string; readonly start?: number; readonly end?: number }[];
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

/**
 * A splitter that runs pattern words through the analyzer's own tokeniser (memoised:
 * words repeat a lot). `known` words are split up front in ONE tokeniser call (one
 * wink pass over thousands of words instead of one each), which is what makes
 * compiling the default rules cheap. Give them in the order they will be asked for:
 * the tokeniser may remember what it read (see compile.ts).
 */
export function splitterFromTokenizer(tokenizer: WordTokenizer, known: Iterable<string> = []): WordSplitter {
  const memo = splitMany(tokenizer, known);
  return (word) => {
    let parts = memo.get(word);
    if (parts === undefined) {
      parts = tokenizer.tokenize(word).map(splitText);
      memo.set(word, parts);
    }
    return parts;
  };
}

function splitText(token: { readonly norm: string }): string {
  return token.norm.toLowerCase().replace(/’/g, "'");
}

/**
 * Splits many words with one tokeniser call over the words joined by spaces. wink
 * tokenises each space-separated chunk on its own, so a word splits as it would
 * alone; tokens are given back to their word by offset. A word whose tokens do not
 * sit inside it (a tokeniser without offsets, or one that merged across a space) is
 * left out and split alone later.
 */
function splitMany(tokenizer: WordTokenizer, words: Iterable<string>): Map<string, readonly string[]> {
  const memo = new Map<string, readonly string[]>();
  const unique = [...new Set(words)].filter((w) => w.length > 0 && !/\s/.test(w));
  if (unique.length < 2) return memo;
  const starts: number[] = [];
  let length = 0;
  for (const w of unique) {
    starts.push(length);
    length += w.length + 1;
  }
  const parts: string[][] = unique.map(() => []);
  const broken = new Set<number>();
  let w = 0;
  for (const token of tokenizer.tokenize(unique.join(' '))) {
    if (token.start === undefined || token.end === undefined) return new Map();
    while (w + 1 < unique.length && starts[w + 1]! <= token.start) w++;
    if (token.end > starts[w]! + unique[w]!.length) broken.add(w);
    else parts[w]!.push(splitText(token));
  }
  unique.forEach((word, i) => {
    if (!broken.has(i)) memo.set(word, parts[i]!);
  });
  return memo;
}

/**
 * The alternatives a pattern word expands to. Returns one alternative for a plain
 * word; for a hyphenated word, the word as the splitter tokenises it (when that
 * keeps it whole) and its parts with optional hyphens between them.
 * Throws a plain Error when the splitter yields no tokens (the caller adds the path).
 */
export function expandWord(word: string, split: WordSplitter): readonly (readonly WordPart[])[] {
  // Compiling looks each word up several times (program, start words, anchors): memoise per splitter.
  let memo = expansions.get(split);
  if (memo === undefined) expansions.set(split, (memo = new Map()));
  let expanded = memo.get(word);
  if (expanded === undefined) {
    expanded = Object.freeze(expandOnce(word, split).map((parts) => Object.freeze(parts)));
    if (memo.size < MAX_MEMOISED_WORDS) memo.set(word, expanded);
  }
  return expanded;
}

// Bound per splitter (the default splitter lives as long as the process).
const MAX_MEMOISED_WORDS = 20_000;
const expansions = new WeakMap<WordSplitter, Map<string, readonly (readonly WordPart[])[]>>();

function expandOnce(word: string, split: WordSplitter): WordPart[][] {
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
