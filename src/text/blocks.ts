/**
 * Block segmentation of cleaned text (see clean.ts): paragraphs, list items and
 * headings, decided line by line in one pass.
 *
 * - A blank line ends a block. A single line break does not: PDF and Word text
 *   is hard-wrapped, so a line normally continues the block above it.
 * - A form feed (page break) ends a block only where the text before it ended
 *   a sentence; a page break in mid-sentence is just a line break.
 * - A line starting with a bullet glyph ("•") starts a list item. Weaker markers
 *   ("-", "*", "–", "o ", "1.", "1)", "(a)", "a)") and paragraph numbers ("4.12")
 *   start a block only where one can start: at the top, after a blank line, a
 *   heading, a line ending a sentence (or with ":" / ";"), or inside a list;
 *   a paragraph number must also not be followed by a lower-case word, so a
 *   wrapped "10.30 p.m." is prose. The marker is kept apart from the prose.
 * - A heading is a short line (at most 8 words) that starts with a capital or
 *   a digit, has no sentence punctuation at its end or inside, does not end
 *   with a function word ("the", "of", "and"...), stands where a block can
 *   start, and is followed by more text that does not start lower-case.
 * - Bullet glyphs inside a line, after a space, start a new list item too
 *   (PDF extraction flattens "text • point one • point two" into one line).
 * Alongside the blocks it returns the text wink reads: the same text with
 * markers blanked out and line breaks inside a block turned into spaces, so
 * every offset in it is an offset in the cleaned text.
 */
import type { BlockKind } from './types';
import { isGlyphBullet, matchLineMarker, type MarkerKind } from './markers';

/** A block in cleaned-text offsets. */
export interface LaidOutBlock {
  readonly kind: BlockKind;
  /** Start of the block (of its marker when it has one). */
  readonly start: number;
  /** End of the block's last non-space character. */
  readonly end: number;
  readonly marker?: { readonly start: number; readonly end: number };
}

/** Blocks of a cleaned text and the text to give wink. */
export interface BlockLayout {
  readonly blocks: readonly LaidOutBlock[];
  /** Same length as the cleaned text: markers blanked, in-block line breaks as spaces, page breaks as line breaks. */
  readonly winkText: string;
}

interface Line {
  readonly start: number;
  /** Position of the break character ending the line, or the text length. */
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  /** The line follows a form feed. */
  readonly afterPageBreak: boolean;
}

interface OpenBlock {
  kind: BlockKind;
  start: number;
  end: number;
  marker?: { start: number; end: number };
}

// A line ending in one of these does not end a heading: it runs on into the next line.
const RUN_ON_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'that', 'which',
  'who', 'but', 'than', 'is', 'was', 'were', 'be', 'been', 'are', 'not', 'no', 'their', 'his', 'her', 'its', 'our',
  'this', 'these', 'those', 'into', 'about', 'because', 'if', 'when', 'while', 'mr', 'mrs', 'ms', 'dr', 'st', 'had',
  'has', 'have', 'did', 'would', 'could', 'should', 'will', 'may', 'might', 'must', 'very', 'such', 'both', 'either',
]);
const MAX_HEADING_WORDS = 8;
const MAX_HEADING_LENGTH = 100;

/** Splits cleaned text into blocks (see the module comment). */
export function layOutBlocks(text: string): BlockLayout {
  const lines = splitLines(text);
  const blocks: LaidOutBlock[] = [];
  // Same-length replacements for the wink text, in increasing position order.
  const edits: { at: number; text: string }[] = [];
  const bullets = inlineBulletPositions(text);
  let bulletIndex = 0;
  let open: OpenBlock | undefined;
  let previous: Line | undefined; // previous non-blank line
  let afterBlank = true;
  const close = (): void => {
    if (open) blocks.push(open.marker ? { kind: open.kind, start: open.start, end: open.end, marker: open.marker } : { kind: open.kind, start: open.start, end: open.end });
    open = undefined;
  };

  lines.forEach((line, k) => {
    if (line.contentStart === line.contentEnd) {
      close();
      afterBlank = true;
      return;
    }
    const endsSentence = previous !== undefined && lineEndsSentence(text, previous);
    const canStart = afterBlank || open === undefined || open.kind === 'heading' || endsSentence;
    const marker = acceptedMarker(text, line, canStart || open?.kind === 'list-item');
    const textStart = marker ? marker.textStart : line.contentStart;
    const heading =
      canStart && (marker === undefined || isNumberMarker(marker.kind)) &&
      isHeadingText(text, textStart, line.contentEnd) && nextLineAllowsHeading(text, lines, k, marker?.kind);
    const startsBlock = open === undefined || afterBlank || marker !== undefined || heading || open.kind === 'heading' ||
      (line.afterPageBreak && endsSentence);
    if (startsBlock) {
      close();
      const kind: BlockKind = heading ? 'heading' : marker && marker.kind !== 'paragraph-number' ? 'list-item' : 'paragraph';
      open = { kind, start: line.contentStart, end: line.contentEnd };
      if (marker) {
        open.marker = { start: line.contentStart, end: marker.end };
        edits.push({ at: line.contentStart, text: ' '.repeat(marker.end - line.contentStart) });
      }
    } else if (open) {
      open.end = line.contentEnd;
      edits.push({ at: previous!.end, text: ' ' }); // the break joining this line to the block
    }
    // Bullets flattened into the line start list items of their own.
    while (bulletIndex < bullets.length && bullets[bulletIndex]! < textStart) bulletIndex += 1;
    for (; bulletIndex < bullets.length && bullets[bulletIndex]! < line.contentEnd; bulletIndex += 1) {
      const at = bullets[bulletIndex]!;
      if (open) open.end = trimEnd(text, open.start, at);
      close();
      open = { kind: 'list-item', start: at, end: line.contentEnd, marker: { start: at, end: at + 1 } };
      edits.push({ at, text: ' ' });
    }
    previous = line;
    afterBlank = false;
  });
  close();
  return { blocks, winkText: applySameLengthEdits(text, edits) };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let afterPageBreak = false;
  let nextNewline = text.indexOf('\n');
  let nextFormFeed = text.indexOf('\f');
  for (;;) {
    if (nextNewline !== -1 && nextNewline < start) nextNewline = text.indexOf('\n', start);
    if (nextFormFeed !== -1 && nextFormFeed < start) nextFormFeed = text.indexOf('\f', start);
    const end = nextNewline === -1 ? (nextFormFeed === -1 ? text.length : nextFormFeed) : nextFormFeed === -1 ? nextNewline : Math.min(nextNewline, nextFormFeed);
    let contentStart = start;
    while (contentStart < end && text.charCodeAt(contentStart) <= 0x20) contentStart += 1;
    let contentEnd = end;
    while (contentEnd > contentStart && text.charCodeAt(contentEnd - 1) <= 0x20) contentEnd -= 1;
    lines.push({ start, end, contentStart, contentEnd, afterPageBreak });
    if (end >= text.length) return lines;
    afterPageBreak = text.charCodeAt(end) === 0x0c || (afterPageBreak && contentStart === contentEnd);
    start = end + 1;
  }
}

/** The line's marker, when there is one and it may start a block here. */
function acceptedMarker(text: string, line: Line, blockMayStart: boolean): ReturnType<typeof matchLineMarker> {
  const marker = matchLineMarker(text, line.contentStart, line.contentEnd);
  if (marker === undefined || marker.kind === 'glyph') return marker;
  if (!blockMayStart) return undefined;
  if (marker.kind === 'paragraph-number' && isLowerCase(text.charCodeAt(marker.textStart))) return undefined;
  return marker;
}

function isNumberMarker(kind: MarkerKind): boolean {
  return kind === 'list-number' || kind === 'paragraph-number';
}

/** True when the line ends with . ! ? : ; (possibly followed by a closing quote or bracket). */
function lineEndsSentence(text: string, line: Line): boolean {
  let i = line.contentEnd - 1;
  let c = text.charCodeAt(i);
  if ((c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d) && i > line.contentStart) c = text.charCodeAt((i -= 1));
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b;
}

/** Short, capitalised, unpunctuated text that does not run on (see the module comment). */
function isHeadingText(text: string, start: number, end: number): boolean {
  if (end <= start || end - start > MAX_HEADING_LENGTH) return false;
  const first = text.charCodeAt(start);
  if (!(isUpperCase(first) || (first >= 48 && first <= 57) || first === 0x22 || first === 0x27)) return false;
  const last = text.charCodeAt(end - 1);
  // . ! ? , ; : - and a closing bracket or quote after them end prose, not headings.
  if (last === 0x2e || last === 0x21 || last === 0x3f || last === 0x2c || last === 0x3b || last === 0x3a || last === 0x2d) return false;
  let words = 1;
  let letters = 0;
  let lastWordStart = start;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (text.charCodeAt(i - 1) !== 0x20) words += 1;
      lastWordStart = i + 1;
      const before = text.charCodeAt(i - 1);
      // A sentence ending inside the line: prose, not a heading.
      if ((before === 0x2e || before === 0x21 || before === 0x3f) && isUpperCase(text.charCodeAt(i + 1))) return false;
    } else if (isUpperCase(c) || isLowerCase(c)) {
      letters += 1;
    }
  }
  if (letters === 0 || words > MAX_HEADING_WORDS) return false;
  return !RUN_ON_WORDS.has(text.slice(lastWordStart, end).toLowerCase());
}

/** A heading needs more text after it, not starting lower-case, and (for "1." lines) not the next item of a list. */
function nextLineAllowsHeading(text: string, lines: readonly Line[], k: number, markerKind: MarkerKind | undefined): boolean {
  for (let m = k + 1; m < lines.length; m += 1) {
    const next = lines[m]!;
    if (next.contentStart === next.contentEnd) continue;
    if (isLowerCase(text.charCodeAt(next.contentStart)) && matchLineMarker(text, next.contentStart, next.contentEnd) === undefined) return false;
    if (markerKind !== undefined) {
      const nextMarker = matchLineMarker(text, next.contentStart, next.contentEnd);
      if (nextMarker !== undefined && nextMarker.kind === markerKind) return false;
    }
    return true;
  }
  return false;
}

function inlineBulletPositions(text: string): number[] {
  const positions: number[] = [];
  // A char scan: a character-class RegExp over a two-byte string is several times slower.
  for (let i = 1; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xb7 && isGlyphBullet(c) && text.charCodeAt(i - 1) === 0x20) positions.push(i);
  }
  return positions;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && text.charCodeAt(e - 1) <= 0x20) e -= 1;
  return e;
}

function applySameLengthEdits(text: string, edits: readonly { at: number; text: string }[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const edit of edits) {
    parts.push(text.slice(pos, edit.at), edit.text);
    pos = edit.at + edit.text.length;
  }
  parts.push(text.slice(pos));
  const joined = parts.join('');
  return joined.includes('\f') ? joined.replaceAll('\f', '\n') : joined;
}

function isUpperCase(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
function isLowerCase(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
