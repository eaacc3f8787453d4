/**
 * Where a long input may be cut into segments that are analysed one after another
 * (analyzer.ts), so that the cleaned text, its offset map and the text wink reads
 * exist for one segment at a time instead of for the whole document.
 *
 * A cut must not change the analysis. Cleaning (clean.ts) only looks across a
 * single line break (hyphenation), and block layout (blocks.ts) carries nothing
 * past a blank line except two things: a heading candidate looks ahead to the next
 * non-blank line, and a form feed marks the lines after it. So a cut is made only
 * just after a blank line whose previous non-blank line ends with ". ! ?" (never a
 * heading, never a hyphen), with nothing but spaces, tabs and line breaks between
 * (no form feed). Text without such a place is analysed whole.
 */

/** Default length of a segment, in UTF-16 code units. */
export const DEFAULT_SEGMENT_LENGTH = 1 << 13;

/**
 * Cut points of `input` into segments of about `length` characters or more:
 * `[start, end)` pairs covering the input in order (one pair when it is short or
 * has no safe place to cut).
 */
export function segmentBoundaries(input: string, length: number = DEFAULT_SEGMENT_LENGTH): [number, number][] {
  const segments: [number, number][] = [];
  let start = 0;
  while (input.length - start > length) {
    const cut = safeCutAfter(input, start + length);
    if (cut < 0 || cut >= input.length) break;
    segments.push([start, cut]);
    start = cut;
  }
  segments.push([start, input.length]);
  return segments;
}

/** The first safe cut at or after `from` (see the module comment), or -1. */
function safeCutAfter(input: string, from: number): number {
  let i = input.indexOf('\n', from);
  while (i >= 0) {
    // A blank line: the line after this break holds only spaces, tabs or CRs.
    let j = i + 1;
    while (j < input.length && isBlank(input.charCodeAt(j))) j += 1;
    if (j < input.length && input.charCodeAt(j) === 0x0a && endsSentenceBefore(input, i)) return j + 1;
    i = input.indexOf('\n', i + 1);
  }
  return -1;
}

/** True when the last non-blank character before the line break at `i` is . ! or ?, with only blank lines between. */
function endsSentenceBefore(input: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0) {
    const c = input.charCodeAt(k);
    if (c === 0x0a || isBlank(c)) {
      k -= 1;
      continue;
    }
    return c === 0x2e || c === 0x21 || c === 0x3f;
  }
  return false;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
