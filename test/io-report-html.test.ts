import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorRecord } from '../src/io/document';
import { summariseForReport, type ReportDocument } from '../src/io/report/report-data';
import { renderDocumentSection, renderReportEnd, renderReportStart, renderSentence, toGridRow } from '../src/io/report/report-html';
import { createReportWriter } from '../src/io/report/report-writer';
import { reportThemes } from '../src/io/report/report-themes';
import type { TagResult } from '../src/result-schema';

const themeIds = ['alpha-theme', 'beta-theme', 'gamma-theme'];
const themes = reportThemes(themeIds);

const hostileText = 'The <script>alert("x")</script> & "visit" was missed.';
const doc: ReportDocument = {
  id: 'review <1>.pdf',
  path: 'reviews/review <1>.pdf',
  pages: 4,
  sentenceCount: 10,
  scores: { 'alpha-theme': 0.9, 'beta-theme': 0.2, 'gamma-theme': 0.6 },
  tagged: ['alpha-theme', 'gamma-theme'],
  themeSentences: { 'alpha-theme': 2, 'beta-theme': 0, 'gamma-theme': 1 },
  sentences: [
    {
      index: 3,
      page: 2,
      text: hostileText,
      themes: ['alpha-theme'],
      marks: [
        { start: 41, end: 47, theme: 'alpha-theme', label: 'rule alpha.visit' },
        { start: 44, end: 52, theme: 'gamma-theme', label: 'feature missed' },
      ],
    },
  ],
  omittedSentences: 3,
};
const failure: ErrorRecord = { id: 'scan.pdf', path: 'scan.pdf', error: { code: 'PDF_NO_TEXT', message: 'no text layer <img>' } };

describe('report rendering', () => {
  it('escapes all document text and highlights evidence spans with their rule or feature as title', () => {
    const html = renderSentence(doc.sentences[0]!, themes);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ');
    // Overlapping spans merge into one mark listing both labels.
    expect(html).toMatch(/<mark class="c0" data-themes="alpha-theme gamma-theme" title="alpha-theme: rule alpha.visit; gamma-theme: feature missed">[^<]+<\/mark>/);
    expect(html).toContain('<span class="page">p.\u00a02</span>');
  });

  it('renders a document section with badges, sentences and the count of sentences left out', () => {
    const html = renderDocumentSection(doc, 7, themes);
    expect(html).toMatch(/^<article class="doc" id="doc-7" data-themes="alpha-theme gamma-theme">/);
    expect(html).toContain('review &lt;1&gt;.pdf');
    expect(html).toContain('4 page(s)');
    expect(html).toContain('and 3 more tagged sentence(s)');
  });

  it('renders a failure with its code and message', () => {
    const html = renderDocumentSection(failure, 0, themes);
    expect(html).toContain('<strong>PDF_NO_TEXT</strong> no text layer &lt;img&gt;');
  });

  it('renders charts with one bar per theme and a grid row per document, self-contained', () => {
    const totals = { documents: 1, failures: 1, pages: 4, sentences: 10, documentsPerTheme: { 'alpha-theme': 1, 'gamma-theme': 1 }, sentencesPerTheme: { 'alpha-theme': 2, 'gamma-theme': 1 } };
    const html = renderReportStart('Report <x>', themes, totals, [toGridRow(doc), toGridRow(failure)]) + renderReportEnd();
    expect(html.match(/<rect class="bar/g)).toHaveLength(themeIds.length * 2);
    expect(html.match(/<tr data-themes=|<tr class="failed"/g)).toHaveLength(2);
    expect(html).toContain('<title>Report &lt;x&gt;</title>');
    expect(html).toContain('\u2713 0.90');
    // 2 of 10 sentences tagged alpha-theme
    expect(html).toContain('<small class="share">20% of sentences</small>');
    expect(html).toContain('failed: PDF_NO_TEXT');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('shows taxonomy labels for theme ids, keeping the ids in data attributes and tooltips', () => {
    const labelled = reportThemes(themeIds, { 'alpha-theme': 'Alpha <first>', 'gamma-theme': 'Gamma' });
    const totals = { documents: 1, failures: 0, pages: 4, sentences: 10, documentsPerTheme: { 'alpha-theme': 1 }, sentencesPerTheme: { 'alpha-theme': 2 } };
    const start = renderReportStart('R', labelled, totals, [toGridRow(doc)]);
    // Filters, grid heads and chart rows show the label; filtering still works on ids.
    expect(start).toContain('<button type="button" class="filter c0" data-filter="alpha-theme" title="alpha-theme">Alpha &lt;first&gt;</button>');
    expect(start).toContain('<th scope="col" class="theme" data-theme="gamma-theme" title="gamma-theme"><span>Gamma</span></th>');
    expect(start).toContain('class="label">Alpha &lt;first&gt;</text>');
    expect(start).toContain('<title>Alpha &lt;first&gt; (alpha-theme): 1 (100%)</title>');
    expect(start).toContain('title="Alpha &lt;first&gt;: 0.90 (tagged), 20% of sentences"');
    // A theme without a label shows its id, with no tooltip repeating it.
    expect(start).toContain('data-filter="beta-theme">beta-theme</button>');
    const section = renderDocumentSection(doc, 0, labelled);
    expect(section).toContain('<span class="badge c2" data-theme="gamma-theme" title="gamma-theme">Gamma</span>');
    expect(section).toContain('title="Alpha &lt;first&gt;: rule alpha.visit; Gamma: feature missed"');
    expect(section).toMatch(/<article class="doc" id="doc-0" data-themes="alpha-theme gamma-theme">/);
  });

  it('shortens a long label in the charts and keeps it whole in the tooltip', () => {
    const long = 'A very long theme label that would not fit';
    const totals = { documents: 0, failures: 0, pages: 0, sentences: 0, documentsPerTheme: {}, sentencesPerTheme: {} };
    const start = renderReportStart('R', reportThemes(['x'], { x: long }), totals, []);
    expect(start).toContain(`class="label">${long.slice(0, 29)}\u2026</text>`);
    expect(start).toContain(`<title>${long} (x)</title>`);
  });

  it('summarises a tag result into tagged sentences with marks relative to the sentence', () => {
    const text = 'Intro line. The visit was missed.';
    const result = {
      themes: ['alpha-theme'],
      scores: { 'alpha-theme': 0.8 },
      document: { 'alpha-theme': { score: 0.8, tagged: true, source: 'rules', strength: 0.8, passages: 1, coverage: 0.5, sentences: 1, share: 0.5, evidence: [] } },
      sentences: [
        { index: 0, block: 0, start: 0, end: 11, text: 'Intro line.', themes: [], scores: {}, evidence: [] },
        {
          index: 1,
          block: 0,
          start: 12,
          end: 33,
          text: 'The visit was missed.',
          page: 1,
          themes: ['alpha-theme'],
          scores: {},
          evidence: [
            { kind: 'rule', theme: 'alpha-theme', ruleId: 'a.visit', weight: 1, start: 16, end: 21, text: 'visit' },
            { kind: 'feature', theme: 'beta-theme', feature: 'missed', weight: 1, start: 26, end: 32, text: 'missed' },
          ],
        },
      ],
      meta: { characters: text.length, sentenceCount: 2, ruleSets: [] },
    } satisfies TagResult;
    const summary = summariseForReport({ id: 'd', path: 'd.txt', format: 'txt', text }, result);
    expect(summary.sentences).toEqual([{ index: 1, page: 1, text: 'The visit was missed.', themes: ['alpha-theme'], marks: [{ start: 4, end: 9, theme: 'alpha-theme', label: 'rule a.visit' }] }]);
    expect(summariseForReport({ id: 'd', path: 'd.txt', format: 'txt', text }, result, { maxSentences: 0 }).omittedSentences).toBe(1);
  });
});

describe('report writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'io-report-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams sections to a temporary file and writes one complete report at commit', async () => {
    const path = join(dir, 'report.html');
    const writer = await createReportWriter(path, { themes: themeIds, labels: { 'beta-theme': 'Beta' } });
    await writer.add(doc);
    await writer.add(failure);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual([]);
    await writer.commit();
    expect(readdirSync(dir)).toEqual(['report.html']);
    const html = readFileSync(path, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.indexOf('id="doc-0"')).toBeLessThan(html.indexOf('id="doc-1"'));
    expect(html).toContain('<span id="total-documents">1</span>');
    expect(html).toContain('<span id="total-failures">1</span>');
    // The writer's labels reach the head (grid, charts) as well as the sections.
    expect(html).toContain('<span>Beta</span></th>');
    expect(html).toContain('data-filter="beta-theme" title="beta-theme">Beta</button>');
  });

  it('leaves nothing behind on abort', async () => {
    const sub = mkdtempSync(join(dir, 'abort-'));
    const writer = await createReportWriter(join(sub, 'r.html'), { themes: themeIds });
    await writer.add(doc);
    await writer.abort();
    expect(readdirSync(sub)).toEqual([]);
  });
});
