/**
 * Recognising the marker that starts a list item or a numbered paragraph at the
 * beginning of a line: bullets ("•", "-", "*", "–", "o "), numbered and
 * lettered items ("1.", "1)", "(a)", "iv)") and paragraph numbers ("4.12").
 * Character scans only: this runs once per line of every document.
 */

/**
 * Kind of a line-start marker.
 * - `glyph`: a bullet character (•, ●, ▪, ◦, ...) that only ever marks a list item;
 * - `dash`: "-", "*", "–", "—" or "o" followed by a space, which can also be prose;
 * - `list-number`: "1." or "1)";
 * - `letter`: "(a)", "(iv)", "(1)", "a)", "iv)";
 * - `paragraph-number`: "4.12", "4.12.", "4.12.3": a numbered paragraph, not a list item.
 */
export type MarkerKind = 'glyph' | 'dash' | 'list-number' | 'letter' | 'paragraph-number';

/** A marker found at `start` (the first non-space character of a line). */
export interface MarkerMatch {
  readonly kind: MarkerKind;
  /** End of the marker (exclusive). */
  readonly end: number;
  /** First non-space character after the marker, or the end of the line's content. */
  readonly textStart: number;
}

const GLYPH_BULLETS = new Set([
  0x2022, 0x25cf, 0x25aa, 0x25e6, 0x25a0, 0x25a1, 0x2023, 0x2043, 0x25c6, 0x25c7, 0x25cb, 0x27a2, 0x25ba, 0x25b6,
  0x2713, 0x2714, 0xf0b7, 0xf0a7, 0xf0d8, 0xb7, 0x2219,
]);
const DASH_BULLETS = new Set([0x2d, 0x2a, 0x2013, 0x2014, 0x6f /* o */]);

/** True for a bullet character that marks a list item even inside a line ("text • point one"). */
export function isGlyphBullet(code: number): boolean {
  return GLYPH_BULLETS.has(code);
}

/**
 * The marker starting at `start` in `text`, where `contentEnd` ends the line's
 * content (trailing spaces excluded); undefined when the line starts with prose.
 */
export function matchLineMarker(text: string, start: number, contentEnd: number): MarkerMatch | undefined {
  const c = text.charCodeAt(start);
  if (GLYPH_BULLETS.has(c)) return finish('glyph', text, start + 1, contentEnd, false);
  if (DASH_BULLETS.has(c)) return finish('dash', text, start + 1, contentEnd, true);
  if (isDigit(c)) return matchNumber(text, start, contentEnd);
  if (c === 0x28 /* ( */) {
    const close = matchItemLabel(text, start + 1, contentEnd, true);
    return close >= 0 && text.charCodeAt(close) === 0x29 ? finish('letter', text, close + 1, contentEnd, true) : undefined;
  }
  const close = matchItemLabel(text, start, contentEnd, false);
  return close >= 0 && text.charCodeAt(close) === 0x29 ? finish('letter', text, close + 1, contentEnd, true) : undefined;
}

// "4", "4.", "4)", "4.12", "4.12.", "4.12.3": at most 3 digits per level, at most 4 levels.
function matchNumber(text: string, start: number, contentEnd: number): MarkerMatch | undefined {
  let i = start;
  let levels = 0;
  for (;;) {
    const digitsStart = i;
    while (i < contentEnd && isDigit(text.charCodeAt(i)) && i - digitsStart < 4) i += 1;
    const digits = i - digitsStart;
    if (digits === 0 || digits > 3) return undefined;
    levels += 1;
    if (text.charCodeAt(i) === 0x2e /* . */ && isDigit(text.charCodeAt(i + 1)) && levels < 4) {
      i += 1;
      continue;
    }
    break;
  }
  const next = text.charCodeAt(i);
  if (levels > 1) return finish('paragraph-number', text, next === 0x2e ? i + 1 : i, contentEnd, true);
  if (next === 0x2e || next === 0x29) return finish('list-number', text, i + 1, contentEnd, true);
  return undefined;
}

// A label inside "(a)" / "a)": one letter, a lower-case roman numeral (up to 4), or up to 3 digits (only in brackets).
function matchItemLabel(text: string, i: number, contentEnd: number, bracketed: boolean): number {
  const c = text.charCodeAt(i);
  if (bracketed && isDigit(c)) {
    let j = i;
    while (j < contentEnd && j - i < 3 && isDigit(text.charCodeAt(j))) j += 1;
    return j;
  }
  if (!isAsciiLetter(c)) return -1;
  if (!isAsciiLetter(text.charCodeAt(i + 1))) return i + 1;
  let j = i;
  while (j < contentEnd && j - i < 4 && isRoman(text.charCodeAt(j))) j += 1;
  return j > i + 1 ? j : -1;
}

/** Builds the match; `needsSpace` requires a space (or the line's end) right after the marker. */
function finish(kind: MarkerKind, text: string, end: number, contentEnd: number, needsSpace: boolean): MarkerMatch | undefined {
  if (end > contentEnd) return undefined;
  let textStart = end;
  while (textStart < contentEnd && text.charCodeAt(textStart) === 0x20) textStart += 1;
  if (needsSpace && textStart === end && end < contentEnd) return undefined;
  return { kind, end, textStart };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isRoman(c: number): boolean {
  return c === 0x69 || c === 0x76 || c === 0x78; // i v x
}

