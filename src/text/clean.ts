/**
 * Pre-pass over raw text from files (PDF, Word, pasted text) before
 * segmentation. It rewrites the text in one linear scan and keeps an OffsetMap
 * back to the original, so everything found later is reported in ORIGINAL
 * offsets. What it does:
 * - folds Windows and old-Mac line endings (CRLF, CR) to LF, and Word's manual
 *   line break (\v), U+2028, U+2029 and NEL to LF; keeps form feeds (\f) for
 *   segmentation to see page breaks;
 * - turns tabs, no-break and other Unicode spaces into plain spaces, other
 *   control characters into spaces, and drops zero-width characters and BOMs;
 * - straightens curly quotes and apostrophes (’ ‘ “ ” „ « » ′ ″) so "didn’t"
 *   tokenises like "didn't", and Unicode hyphens (U+2010, U+2011) to "-";
 * - expands typographic ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ) that PDF extraction leaves in;
 * - joins words hyphenated across a line break ("safe-\nguarding" becomes
 *   "safeguarding"; see hyphenation.ts for when the hyphen is kept), and words
 *   split by a soft hyphen at a line end.
 * Each step can be reused alone (`joinHyphenation`), and `applyTextEdits` lets
 * other pre-passes (running header/footer removal) produce the same kind of map.
 */
import { InputError } from '../errors';
import { keepsLineEndHyphen } from './hyphenation';
import { OffsetMap, OffsetMapBuilder } from './offset-map';

/** A rewritten text and the way back to the original. */
export interface CleanedText {
  /** The rewritten text. */
  readonly text: string;
  /** Maps positions of `text` to positions of the original. */
  readonly map: OffsetMap;
  /**
   * Positions in `text`, ascending, of characters replaced one for one (quotes,
   * spaces, line endings): there text[i] differs from the original character
   * although the offset map is linear.
   */
  readonly replacedPositions: readonly number[];
}

/** What cleanText does. Both steps are on by default. */
export interface CleanTextOptions {
  /**
   * Fold line endings, spaces, quotes, hyphens and ligatures, drop zero-width characters.
   * @default true
   */
  readonly normalizeCharacters?: boolean;
  /**
   * Join words hyphenated across a line break.
   * @default true
   */
  readonly joinHyphenation?: boolean;
}

/** One replacement of `original.slice(start, end)` by `text`, for applyTextEdits. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// One-for-one replacements, by UTF-16 code unit.
const SINGLE_REPLACEMENTS: ReadonlyMap<number, string> = new Map([
  [0x09, ' '], [0x0b, '\n'], [0x85, '\n'], [0x2028, '\n'], [0x2029, '\n'],
  [0xa0, ' '], [0x1680, ' '], [0x202f, ' '], [0x205f, ' '], [0x3000, ' '],
  [0x2018, "'"], [0x2019, "'"], [0x201a, "'"], [0x201b, "'"], [0x2032, "'"], [0x02bc, "'"],
  [0x201c, '"'], [0x201d, '"'], [0x201e, '"'], [0x201f, '"'], [0x2033, '"'], [0xab, '"'], [0xbb, '"'],
  [0x2010, '-'], [0x2011, '-'],
]);
const LIGATURES: ReadonlyMap<number, string> = new Map([
  [0xfb00, 'ff'], [0xfb01, 'fi'], [0xfb02, 'fl'], [0xfb03, 'ffi'], [0xfb04, 'ffl'],
]);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const SOFT_HYPHEN = 0xad;

/** Cleans raw text for segmentation (see the module comment), keeping a map to the original. */
export function cleanText(input: string, options: CleanTextOptions = {}): CleanedText {
  const normalize = options.normalizeCharacters ?? true;
  const join = options.joinHyphenation ?? true;
  const out: string[] = [];
  const map = new OffsetMapBuilder();
  const n = input.length;
  let runStart = 0; // start of the stretch of input copied unchanged so far
  const replaced: number[] = [];
  const flush = (to: number): void => {
    if (to > runStart) {
      out.push(input.slice(runStart, to));
      map.copy(to - runStart);
    }
  };
  for (let i = 0; i < n; i += 1) {
    const c = input.charCodeAt(i);
    if (normalize && (c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2d) && followsPossessive(input, i)) {
      // wink-nlp learns "baby's" as one word the first time it meets "baby's." (or ",", ":",
      // "-") and from then on stops splitting "baby's" anywhere: its output would depend on
      // what it read before. A space before the punctuation keeps it from ever seeing that
      // shape, so tagging stays deterministic. The space maps to no original character.
      flush(i);
      out.push(' ');
      map.replace(0, 1);
      runStart = i;
    }
    // Fast path: printable ASCII other than "-" never changes.
    if ((c > 0x2d && c < 0x7f) || (c >= 0x20 && c < 0x2d) || c === 0x0a || c === 0x0c) continue;
    if (c === 0x2d || c === 0x2010 || c === 0x2011 || c === SOFT_HYPHEN) {
      const after = join ? lineBreakJoin(input, i) : -1;
      if (after >= 0) {
        flush(i);
        const keep = c !== SOFT_HYPHEN && keepsLineEndHyphen(wordBefore(input, i), wordAt(input, after));
        if (keep) {
          if (c !== 0x2d) replaced.push(map.length);
          out.push('-');
          map.copy(1);
          map.skip(after - i - 1);
        } else {
          map.skip(after - i);
        }
        runStart = after;
        i = after - 1;
        continue;
      }
      if (c === 0x2d || !normalize) continue;
    }
    if (!normalize) continue;
    if (c === 0x0d) {
      flush(i);
      if (input.charCodeAt(i + 1) === 0x0a) {
        map.skip(1);
      } else {
        replaced.push(map.length);
        out.push('\n');
        map.copy(1);
      }
      runStart = i + 1;
      continue;
    }
    const single = SINGLE_REPLACEMENTS.get(c) ?? (c < 0x20 || (c >= 0x2000 && c <= 0x200a) ? ' ' : undefined);
    if (single !== undefined) {
      flush(i);
      replaced.push(map.length);
      out.push(single);
      map.copy(1);
      runStart = i + 1;
      continue;
    }
    if (ZERO_WIDTH.has(c) || c === SOFT_HYPHEN) {
      flush(i);
      map.skip(1);
      runStart = i + 1;
      continue;
    }
    const ligature = LIGATURES.get(c);
    if (ligature !== undefined) {
      flush(i);
      out.push(ligature);
      map.replace(1, ligature.length);
      runStart = i + 1;
    }
  }
  if (runStart === 0) return { text: input, map: OffsetMap.identity(n), replacedPositions: [] };
  flush(n);
  return { text: out.join(''), map: map.build(n), replacedPositions: replaced };
}

/** True when `input[i]` directly follows a possessive `'s` (straight or curly apostrophe) after a letter. */
function followsPossessive(input: string, i: number): boolean {
  if (i < 3) return false;
  const s = input.charCodeAt(i - 1);
  if (s !== 0x73 && s !== 0x53) return false;
  const apostrophe = input.charCodeAt(i - 2);
  if (apostrophe !== 0x27 && apostrophe !== 0x2019) return false;
  const letter = input[i - 3]!;
  return letter.toLowerCase() !== letter.toUpperCase();
}

/** Only joins words hyphenated across line breaks; every other character is kept. */
export function joinHyphenation(input: string): CleanedText {
  return cleanText(input, { normalizeCharacters: false, joinHyphenation: true });
}

/**
 * Applies non-overlapping edits, sorted by position, keeping an offset map
 * (for example to drop running headers and footers before analysis).
 * @throws InputError when an edit is out of range, unsorted or overlaps another.
 */
export function applyTextEdits(input: string, edits: readonly TextEdit[]): CleanedText {
  const out: string[] = [];
  const map = new OffsetMapBuilder();
  const replaced: number[] = [];
  let pos = 0;
  edits.forEach((edit, index) => {
    if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= pos && edit.end >= edit.start && edit.end <= input.length)) {
      throw new InputError(
        `text edit ${index} [${edit.start}, ${edit.end}) is out of range, unsorted or overlaps the previous edit (text length ${input.length})`,
        { code: 'INVALID_OPTIONS', issues: [{ path: ['edits', index], message: 'expected start <= end, sorted and non-overlapping' }] },
      );
    }
    out.push(input.slice(pos, edit.start), edit.text);
    map.copy(edit.start - pos);
    // Same-length edits map linearly, so their characters are one-for-one replacements.
    if (edit.text.length === edit.end - edit.start) for (let k = 0; k < edit.text.length; k += 1) replaced.push(map.length + k);
    map.replace(edit.end - edit.start, edit.text.length);
    pos = edit.end;
  });
  out.push(input.slice(pos));
  map.copy(input.length - pos);
  return { text: out.join(''), map: map.build(input.length), replacedPositions: replaced };
}

/**
 * When the hyphen at `i` ends a line inside a word (a letter or digit before
 * it, one line break, optional spaces and page breaks, then a letter or digit),
 * the position of that character; otherwise -1.
 */
function lineBreakJoin(input: string, i: number): number {
  if (i === 0 || !isWordChar(input.charCodeAt(i - 1))) return -1;
  let lineBreaks = 0;
  let pageBreaks = 0;
  let j = i + 1;
  for (; j < input.length; j += 1) {
    const c = input.charCodeAt(j);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0) continue;
    if (c === 0x0a) {
      lineBreaks += 1;
      if (lineBreaks > 1) return -1; // a blank line ends the paragraph: not a split word
      continue;
    }
    if (c === 0x0c) {
      pageBreaks += 1;
      continue;
    }
    break;
  }
  if (lineBreaks + pageBreaks === 0 || j >= input.length) return -1;
  return isWordChar(input.charCodeAt(j)) ? j : -1;
}

function wordBefore(input: string, i: number): string {
  let p = i;
  while (p > 0 && i - p < 40 && isLetter(input.charCodeAt(p - 1))) p -= 1;
  return input.slice(p, i);
}

function wordAt(input: string, j: number): string {
  let k = j;
  while (k < input.length && k - j < 40 && isWordChar(input.charCodeAt(k))) k += 1;
  return input.slice(j, k);
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57);
}

/** ASCII and Latin-1/Latin Extended letters. */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
