// The review page in headless Chromium: no network, ticks per passage, and "Save
// decisions" downloads JSON Lines that train --add accepts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewPageHtml, reviewQueue, type ReviewDocument, type TagResult } from '../src/index';
import { parseDecisions } from '../src/review/decisions';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`review-page-browser: SKIPPED: ${CHROMIUM} is not installed; run scripts/install-browser.sh (as root)`);

const texts = ['The flat was damp and mould grew <b>in</b> the bedroom.', 'She missed school for most of the spring term.', 'The family were moved three times in a year.'];
const scores = [{ housing: 0.55, school: 0.1 }, { housing: 0.2, school: 0.45 }, { housing: 0.6, school: 0.05 }];
const doc: ReviewDocument = {
  id: 'case.txt',
  result: {
    themes: [],
    scores: {},
    document: {},
    meta: { characters: 0, sentenceCount: 3, ruleSets: [] },
    sentences: texts.map((text, index) => ({
      index,
      block: index,
      start: index * 100,
      end: index * 100 + text.length,
      text,
      themes: Object.entries(scores[index]!).filter(([, v]) => v >= 0.5).map(([t]) => t),
      scores: Object.fromEntries(Object.entries(scores[index]!).map(([t, v]) => [t, { score: v, tagged: v >= 0.5, ruleScore: 0, source: 'model' }])),
      evidence: [],
    })),
  } as unknown as TagResult,
};
const themes = [
  { id: 'housing', label: 'Housing conditions', description: 'Damp, mould, moves.' },
  { id: 'school', label: 'School attendance', description: 'Absence and exclusions.' },
];
const work = mkdtempSync(join(tmpdir(), 'review-page-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!haveChromium && process.env.CI !== 'true')('review page in headless Chromium', () => {
  it('shows every passage with tick boxes, records ticks and saves decisions as JSON Lines, with no network request', async () => {
    const queue = reviewQueue([doc], { size: 3 });
    const file = join(work, 'review.html');
    writeFileSync(file, reviewPageHtml(queue, { themes }));
    const url = pathToFileURL(file).href;

    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const consoleErrors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      await page.goto(url);

      const sections = page.locator('section.passage');
      expect(await sections.count()).toBe(3);
      // Markup in passage text is shown as text, not run.
      expect(await page.locator('blockquote b').count()).toBe(0);
      expect(await page.locator('blockquote').allTextContents()).toEqual(queue.map((p) => p.text));
      // The tagger's current answer is pre-ticked.
      const first = sections.nth(0);
      const firstBoxes = first.locator('input[type=checkbox]');
      expect(await firstBoxes.evaluateAll((boxes) => boxes.map((b) => [(b as HTMLInputElement).dataset.theme, (b as HTMLInputElement).checked]))).toEqual(
        themes.map((t) => [t.id, queue[0]!.themes.includes(t.id)]),
      );

      // Review two passages: flip a tick on the first, confirm the second as it is; leave the third.
      await first.locator('input[data-theme="school"]').check();
      await sections.nth(1).locator('button.confirm').click();
      expect(await page.locator('section.passage.reviewed').count()).toBe(2);
      await page.locator('#reviewer').fill('A. Reviewer');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save').click()]);
      expect(download.suggestedFilename()).toBe('decisions.jsonl');
      const saved = join(work, 'decisions.jsonl');
      await download.saveAs(saved);
      const decisions = parseDecisions(readFileSync(saved, 'utf8'), { file: saved, themes: themes.map((t) => t.id) });
      expect(decisions.map((d) => d.id)).toEqual([queue[0]!.passage, queue[1]!.passage]);
      expect(decisions[0]!.themes).toEqual([...new Set([...queue[0]!.themes, 'school'])].sort((a, b) => themes.findIndex((t) => t.id === a) - themes.findIndex((t) => t.id === b)));
      expect(decisions[1]!.themes).toEqual(queue[1]!.themes);
      expect(decisions[0]).toMatchObject({ text: queue[0]!.text, document: 'case.txt', start: queue[0]!.start, end: queue[0]!.end, reviewer: 'A. Reviewer' });
      expect(decisions[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      expect(requests).toEqual([url]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
