/**
 * The batch HTML report, rendered in pieces so it can be written as a stream:
 * renderReportStart (styles, totals, per-theme bar charts, the document-by-theme
 * grid), renderDocumentSection for each document (tagged sentences with evidence
 * highlighted by <mark>, page numbers), renderReportEnd (a small filter script).
 * One self-contained file: inline CSS, JS and SVG, no network requests. Pure.
 */
import { isErrorRecord } from '../document';
import { renderBarChart } from './report-charts';
import type { ReportDocument, ReportFailure, ReportSentence } from './report-data';
import { escapeHtml } from './report-escape';
import { REPORT_SCRIPT, REPORT_STYLE } from './report-assets';
import type { ReportThemes } from './report-themes';

/** A row of the document-by-theme grid (kept for every document while streaming). */
export interface ReportGridRow {
  readonly id: string;
  readonly path: string;
  readonly pages?: number;
  readonly scores?: Readonly<Record<string, number>>;
  readonly tagged?: readonly string[];
  /** Share (0..1) of the document's sentences tagged with each theme. */
  readonly shares?: Readonly<Record<string, number>>;
  readonly error?: string;
}

/** Archive-wide totals shown at the top and in the charts. */
export interface ReportTotals {
  readonly documents: number;
  readonly failures: number;
  readonly pages: number;
  readonly sentences: number;
  /** Documents tagged per theme. */
  readonly documentsPerTheme: Readonly<Record<string, number>>;
  /** Sentences tagged per theme. */
  readonly sentencesPerTheme: Readonly<Record<string, number>>;
}

/** The compact grid row of a document or failure. */
export function toGridRow(doc: ReportDocument | ReportFailure): ReportGridRow {
  if (isErrorRecord(doc)) return { id: doc.id, path: doc.path, error: doc.error.code };
  const shares = Object.fromEntries(Object.entries(doc.themeSentences).map(([t, n]) => [t, doc.sentenceCount ? n / doc.sentenceCount : 0]));
  return { id: doc.id, path: doc.path, ...(doc.pages ? { pages: doc.pages } : {}), scores: doc.scores, tagged: doc.tagged, shares };
}

const percent = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 100)}%` : '0%');

/** Everything up to the document sections: head, totals, charts and grid. */
export function renderReportStart(title: string, themes: ReportThemes, totals: ReportTotals, rows: readonly ReportGridRow[]): string {
  // Bars are scaled to the most frequent theme; captions give the count and the share.
  const bars = (counts: Readonly<Record<string, number>>, of: number) => {
    const top = Math.max(1, ...themes.ids.map((t) => counts[t] ?? 0));
    return themes.ids.map((theme, i) => {
      const n = counts[theme] ?? 0;
      return { theme, label: themes.label(theme), colour: i, fraction: n / top, caption: `${n} (${percent(n, of)})` };
    });
  };
  const docBars = bars(totals.documentsPerTheme, totals.documents);
  const sentenceBars = bars(totals.sentencesPerTheme, totals.sentences);
  const filters = themes.ids
    .map((t) => `<button type="button" class="filter c${themes.colour(t)}" data-filter="${escapeHtml(t)}"${themes.idTitle(t)}>${escapeHtml(themes.label(t))}</button>`)
    .join('');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No network at all: only inline resources may load.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="totals"><span id="total-documents">${totals.documents}</span> document(s) tagged, ${totals.pages} page(s), ` +
      `${totals.sentences} sentence(s); <span id="total-failures">${totals.failures}</span> failure(s).</p></header>`,
    '<section id="charts"><h2>Themes across the archive</h2><div class="charts">',
    renderBarChart('Documents tagged with each theme (share of documents)', 'chart-documents', docBars),
    renderBarChart('Sentences tagged with each theme (share of sentences)', 'chart-sentences', sentenceBars),
    '</div></section>',
    `<nav class="filters" aria-label="Filter by theme"><span>Show documents tagged with:</span>${filters}<button type="button" class="filter" data-filter="">all</button></nav>`,
    renderGrid(themes, rows),
    '<section id="documents"><h2>Tagged sentences by document</h2>',
  ].join('\n');
}

function renderGrid(themes: ReportThemes, rows: readonly ReportGridRow[]): string {
  const head = themes.ids.map((t) => `<th scope="col" class="theme" data-theme="${escapeHtml(t)}"${themes.idTitle(t)}><span>${escapeHtml(themes.label(t))}</span></th>`).join('');
  const body = rows
    .map((row, i) => {
      const link = `<th scope="row"><a href="#doc-${i}">${escapeHtml(row.id)}</a>${row.id !== row.path ? `<small>${escapeHtml(row.path)}</small>` : ''}</th>`;
      const pages = `<td class="num">${row.pages ?? ''}</td>`;
      if (row.error) return `<tr class="failed" data-themes="">${link}${pages}<td colspan="${themes.ids.length}" class="error">failed: ${escapeHtml(row.error)}</td></tr>`;
      const cells = themes.ids
        .map((t) => {
          const score = row.scores?.[t] ?? 0;
          const tagged = row.tagged?.includes(t) ?? false;
          // The share of tagged sentences tells long reviews apart where every theme is tagged.
          const share = row.shares?.[t];
          const shareText = share === undefined ? '' : percent(share * 100, 100);
          const label = `${themes.label(t)}: ${score.toFixed(2)}${tagged ? ' (tagged)' : ''}${shareText ? `, ${shareText} of sentences` : ''}`;
          return `<td class="cell c${themes.colour(t)}${tagged ? ' tagged' : ''}" style="--s:${score.toFixed(3)}" title="${escapeHtml(label)}">${tagged ? '\u2713 ' : ''}${score.toFixed(2)}${shareText ? `<small class="share">${shareText} of sentences</small>` : ''}</td>`;
        })
        .join('');
      return `<tr data-themes="${escapeHtml((row.tagged ?? []).join(' '))}">${link}${pages}${cells}</tr>`;
    })
    .join('\n');
  return (
    '<section id="grid-section"><h2>Documents by theme</h2><p class="hint">Cells are shaded by score; \u2713 marks a tagged theme; below it, the share of the document\'s sentences tagged with the theme.</p>' +
    `<div class="grid-wrap"><table class="grid"><thead><tr><th scope="col">document</th><th scope="col">pages</th>${head}</tr></thead>` +
    `<tbody>\n${body}\n</tbody></table></div></section>`
  );
}

/** One document's section: its tagged sentences with highlighted evidence and page numbers. */
export function renderDocumentSection(doc: ReportDocument | ReportFailure, index: number, themes: ReportThemes): string {
  if (isErrorRecord(doc)) {
    return (
      `<article class="doc failed" id="doc-${index}" data-themes=""><h3>${escapeHtml(doc.id)}</h3>` +
      `<p class="error"><strong>${escapeHtml(doc.error.code)}</strong> ${escapeHtml(doc.error.message)}</p></article>\n`
    );
  }
  const badges = renderBadges(doc.tagged, themes);
  const sentences = doc.sentences.length
    ? `<ol class="sentences">${doc.sentences.map((s) => renderSentence(s, themes)).join('')}</ol>`
    : '<p class="none">No sentence tagged with a theme.</p>';
  const more = doc.omittedSentences ? `<p class="more">\u2026 and ${doc.omittedSentences} more tagged sentence(s) not shown.</p>` : '';
  const meta = [`${doc.sentenceCount} sentence(s)`, doc.pages ? `${doc.pages} page(s)` : ''].filter(Boolean).join(', ');
  return (
    `<article class="doc" id="doc-${index}" data-themes="${escapeHtml(doc.tagged.join(' '))}">` +
    `<h3>${escapeHtml(doc.id)}</h3><p class="meta">${escapeHtml(doc.path)} \u00b7 ${meta} ${badges}</p>${sentences}${more}</article>\n`
  );
}

/** A sentence with its evidence spans wrapped in <mark title="theme label: rule/feature">. */
export function renderSentence(sentence: ReportSentence, themes: ReportThemes): string {
  // Overlapping spans are merged; the merged mark lists every label.
  const marks = [...sentence.marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; themes: string[]; labels: string[] }[] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    const label = `${themes.label(m.theme)}: ${m.label}`;
    if (last && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      if (!last.labels.includes(label)) last.labels.push(label);
      if (!last.themes.includes(m.theme)) last.themes.push(m.theme);
    } else merged.push({ start: m.start, end: m.end, themes: [m.theme], labels: [label] });
  }
  let html = '';
  let at = 0;
  for (const m of merged) {
    html += escapeHtml(sentence.text.slice(at, m.start));
    html += `<mark class="c${themes.colour(m.themes[0]!)}" data-themes="${escapeHtml(m.themes.join(' '))}" title="${escapeHtml(m.labels.join('; '))}">${escapeHtml(sentence.text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  html += escapeHtml(sentence.text.slice(at));
  const page = sentence.page === undefined ? '' : `<span class="page">p.\u00a0${sentence.page}</span> `;
  return `<li data-themes="${escapeHtml(sentence.themes.join(' '))}">${page}<span class="text">${html}</span> ${renderBadges(sentence.themes, themes)}</li>`;
}

/** Theme badges: the label shown, the id in data-theme (and as tooltip when they differ). */
function renderBadges(ids: readonly string[], themes: ReportThemes): string {
  return ids.map((t) => `<span class="badge c${themes.colour(t)}" data-theme="${escapeHtml(t)}"${themes.idTitle(t)}>${escapeHtml(themes.label(t))}</span>`).join(' ');
}

/** Closes the document sections and the page (with the inline filter script). */
export function renderReportEnd(): string {
  return `</section>\n<script>${REPORT_SCRIPT}</script>\n</body></html>\n`;
}
