/**
 * Cleans the lines pdf.js gives per page before tagging: removes running headers,
 * footers and page numbers repeated on most pages, joins words hyphenated across
 * line ends, and joins each page's lines into paragraphs. Page boundaries become
 * paragraph breaks (a single line break when a sentence runs on to the next page)
 * and every page's span in the final text is kept, so evidence can carry its page
 * number. Pure: no IO.
 */
import type { PageSpan } from '../document';

/** Options of cleanupPdfPages. */
export interface PdfCleanupOptions {
  /** How many non-blank lines at the top and at the bottom of a page may be running lines. @default 2 */
  readonly zoneLines?: number;
  /** Share of pages a line must appear on (in the same zone) to count as running. @default 0.6 */
  readonly minShare?: number;
}

/** The cleaned text with each page's span in it. */
export interface CleanedPdfText {
  readonly text: string;
  readonly pages: readonly PageSpan[];
  /** Running header/footer/page-number lines removed, over all pages. */
  readonly removedLines: number;
}

/** Lines of one page, top to bottom; an empty string marks a paragraph gap. */
export type PdfPageLines = readonly string[];

// Bullets and numbered markers that start a new line rather than continue the last one.
const LIST_MARKER = /^(?:[\u2022\u25CF\u25AA*-]\s|\(?(?:[a-z]|[ivx]{1,4}|\d{1,3})[.)]\s|\d+(?:\.\d+)+\s)/i;

/** Key under which running lines are compared: case, spacing and digits ignored ("Page 3 of 40" ~ "page 4 of 40"). */
export function runningLineKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Cleans per-page lines into one text with page spans (see module comment). */
export function cleanupPdfPages(pages: readonly PdfPageLines[], options: PdfCleanupOptions = {}): CleanedPdfText {
  const zone = options.zoneLines ?? 2;
  const minShare = options.minShare ?? 0.6;
  const tidy = pages.map((lines) => lines.map((l) => l.replace(/\s+/g, ' ').trim()));
  const running = findRunningLines(tidy, zone, minShare);

  let text = '';
  let removedLines = 0;
  const spans: PageSpan[] = [];
  tidy.forEach((lines, i) => {
    const { kept, removed } = stripRunningLines(lines, running, zone);
    removedLines += removed;
    const body = joinParagraphs(kept);
    // A page break is a paragraph break, unless a sentence clearly runs on across it.
    if (text && body) text += /[\p{L}\p{N},]$/u.test(text) && /^\p{Ll}/u.test(body) ? '\n' : '\n\n';
    const start = text.length;
    text += body;
    spans.push({ page: i + 1, start, end: text.length });
  });
  return { text, pages: spans, removedLines };
}

interface RunningLines {
  readonly top: ReadonlySet<string>;
  readonly bottom: ReadonlySet<string>;
}

/**
 * Keys of lines found in the top (or bottom) zone of at least minShare of the pages.
 * Lines that differ in their numbers count only when one number moves with the page
 * ("Page 3 of 40", "- 12 -"), so "Appendix 1" / "Appendix 2" headings are kept.
 */
function findRunningLines(pages: readonly PdfPageLines[], zone: number, minShare: number): RunningLines {
  if (pages.length < 2) return { top: new Set(), bottom: new Set() };
  const needed = Math.max(2, Math.ceil(minShare * pages.length));
  const find = (pick: (lines: string[]) => string[]) => {
    const seen = new Map<string, { page: number; line: string }[]>();
    pages.forEach((lines, page) => {
      const zoneLines = pick(lines.filter((l) => l !== ''));
      for (const line of new Set(zoneLines)) {
        const key = runningLineKey(line);
        if (!key) continue;
        const list = seen.get(key) ?? [];
        if (!list.some((o) => o.page === page)) list.push({ page, line });
        seen.set(key, list);
      }
    });
    return new Set([...seen].filter(([, list]) => list.length >= needed && movesWithPage(list)).map(([key]) => key));
  };
  return { top: find((l) => l.slice(0, zone)), bottom: find((l) => l.slice(-zone)) };
}

/** True when the lines are identical, or one of their numbers is the page index plus a constant. */
function movesWithPage(occurrences: readonly { page: number; line: string }[]): boolean {
  const numbers = occurrences.map((o) => (o.line.match(/\d+/g) ?? []).map(Number));
  if (occurrences.every((o) => o.line === occurrences[0]!.line)) return true;
  const positions = numbers[0]?.length ?? 0;
  for (let j = 0; j < positions; j++) {
    const offset = numbers[0]![j]! - occurrences[0]!.page;
    if (occurrences.every((o, i) => numbers[i]![j]! - o.page === offset)) return true;
  }
  return false;
}

/** Removes running lines among the first and last `zone` non-blank lines of a page. */
function stripRunningLines(lines: readonly string[], running: RunningLines, zone: number): { kept: string[]; removed: number } {
  const nonBlank = lines.map((l, i) => (l === '' ? -1 : i)).filter((i) => i >= 0);
  const drop = new Set<number>();
  for (const i of nonBlank.slice(0, zone)) if (running.top.has(runningLineKey(lines[i]!))) drop.add(i);
  for (const i of nonBlank.slice(-zone)) if (running.bottom.has(runningLineKey(lines[i]!))) drop.add(i);
  return { kept: lines.filter((_, i) => !drop.has(i)), removed: drop.size };
}

/** Joins lines into paragraphs: blank lines separate paragraphs, hyphenated line ends are joined. */
function joinParagraphs(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    if (line === '') {
      if (current) paragraphs.push(current);
      current = '';
    } else current = current ? joinLine(current, line) : line;
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n\n');
}

/** Appends a line to a paragraph: "practi-" + "tioners" -> "practitioners"; a list marker starts a new line. */
function joinLine(paragraph: string, line: string): string {
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  if (LIST_MARKER.test(line)) return `${paragraph}\n${line}`;
  return `${paragraph} ${line}`;
}
