/**
 * Rebuilds the lines of a PDF page from pdf.js text items: items are grouped by
 * their baseline (y), lines ordered top to bottom, items left to right, with a
 * space where the gap between two items is wider than a thin space. A vertical
 * gap clearly larger than the usual line spacing becomes a blank line (a
 * paragraph break). Pure: works on plain item data.
 */

/** The part of a pdf.js TextItem used here. */
export interface PdfTextItem {
  readonly str: string;
  /** [a, b, c, d, x, y]: the text matrix; x, y the baseline origin in page units. */
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

interface LineBuild {
  y: number;
  size: number;
  items: PdfTextItem[];
}

/** Lines of one page, top to bottom; '' marks a paragraph gap. */
export function itemsToLines(items: readonly PdfTextItem[]): string[] {
  const lines: LineBuild[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const y = item.transform[5] ?? 0;
    const size = fontSize(item);
    // Same line when baselines are within 40% of the font size (superscripts, kerning jitter).
    const line = lines.find((l) => Math.abs(l.y - y) <= 0.4 * Math.max(size, l.size));
    if (line) {
      line.items.push(item);
      line.size = Math.max(line.size, size);
    } else lines.push({ y, size, items: [item] });
  }
  lines.sort((a, b) => b.y - a.y);
  const texts = lines.map((l) => lineText(l.items));
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y);
  // Usual line spacing: the lower quartile, since short paragraphs can make wide gaps common.
  const usual = lowerQuartile(gaps.filter((g) => g > 0));
  const out: string[] = [];
  texts.forEach((text, i) => {
    const gap = i > 0 ? gaps[i - 1]! : 0;
    if (i > 0 && usual > 0 && gap > 1.6 * usual) out.push('');
    if (text.trim()) out.push(text);
  });
  return out;
}

function lineText(items: PdfTextItem[]): string {
  const sorted = [...items].sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
  let text = '';
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    const x = item.transform[4] ?? 0;
    const gap = x - lastEnd;
    if (text && gap > 0.15 * fontSize(item) && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    text += item.str;
    lastEnd = x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function fontSize(item: PdfTextItem): number {
  const [, , c = 0, d = 0] = item.transform;
  return item.height > 0 ? item.height : Math.hypot(c, d) || 10;
}

function lowerQuartile(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)]!;
}
