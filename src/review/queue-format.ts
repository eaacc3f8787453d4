/**
 * The review queue as a spreadsheet (CSV) or JSON Lines. Pure.
 *
 * The CSV opens cleanly in Excel, LibreOffice and Google Sheets: UTF-8 with a byte
 * order mark (so Excel reads accents and curly quotes), CRLF rows, every text
 * field quoted as needed, and text that a spreadsheet would run as a formula
 * (starting = + - @) prefixed with an apostrophe. The reviewer fills the
 * `review:` columns (1 = the theme applies, 0 = it does not).
 */
import { csvRow } from '../io/output/csv-format';
import type { Evidence } from '../result-schema';
import type { QueuedPassage } from './queue';

/** Names shown for themes (theme id -> label); ids stand for themselves when absent. */
export type ThemeNames = Readonly<Record<string, string>>;

/** Column headers of the queue CSV for these themes. */
export function queueCsvColumns(themes: readonly string[], names: ThemeNames = {}): string[] {
  const name = (t: string) => (names[t] && names[t] !== t ? `${names[t]} (${t})` : t);
  return [
    'rank',
    'document',
    'passage',
    'page',
    'start',
    'end',
    'text',
    'priority',
    'nearest theme',
    'current themes',
    ...themes.map((t) => `score: ${name(t)}`),
    'evidence',
    ...themes.map((t) => `review: ${name(t)}`),
    'reviewer',
    'note',
  ];
}

/** The whole queue as CSV text (with BOM and header). */
export function formatQueueCsv(queue: readonly QueuedPassage[], themes: readonly string[], names: ThemeNames = {}): string {
  let out = '\uFEFF' + csvRow(queueCsvColumns(themes, names));
  for (const p of queue) {
    out += csvRow([
      p.rank,
      safeText(p.document),
      safeText(p.passage),
      p.page,
      p.start,
      p.end,
      safeText(p.text),
      round(p.priority),
      p.nearestTheme,
      p.themes.join(' '),
      ...themes.map((t) => (p.scores[t] ? round(p.scores[t]!.score) : '')),
      safeText(describeEvidence(p.evidence)),
      ...themes.map(() => ''),
      '',
      '',
    ]);
  }
  return out;
}

/** One JSON line per queued passage, with an empty `review` for the reviewer's decision. */
export function formatQueueJsonl(queue: readonly QueuedPassage[]): string {
  return queue.map((p) => JSON.stringify({ ...p, review: { themes: null, reviewer: null } }) + '\n').join('');
}

/** Evidence in a few words: `housing: rule housing.damp "damp"; ...`. */
export function describeEvidence(evidence: readonly Evidence[]): string {
  return evidence
    .map((e) => `${e.theme}: ${e.kind === 'rule' ? `rule ${e.ruleId}` : `feature ${e.feature}`} "${e.text}"`)
    .join('; ');
}

// Spreadsheets run a cell starting = + - @ (or a tab/CR) as a formula; an apostrophe keeps it text.
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// The CSV is for people: four decimals are plenty to sort by.
const round = (x: number): number => Math.round(x * 1e4) / 1e4;
