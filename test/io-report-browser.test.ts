import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/io/batch/run-batch';
import { buildBatchWorker, harnessDir, writeFakeTagger } from './fixtures/generate-batch-harness.mjs';
import { generateFixtures } from './fixtures/generate-fixtures.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`io-report-browser: SKIPPED: ${CHROMIUM} is not installed; run scripts/install-browser.sh (as root) to install Debian's chromium`);

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

// In CI (CI=true) .ci/run installs chromium, so a missing browser fails instead of skipping.
describe.skipIf(!haveChromium && process.env.CI !== 'true')(`HTML report in headless Chromium${haveChromium ? '' : ' (skipped: /usr/bin/chromium not installed, see scripts/install-browser.sh)'}`, () => {
  let work: string;
  let harness: string;
  let reportUrl: string;
  let records: { id: string; themes?: string[]; error?: unknown }[];

  beforeAll(async () => {
    harness = harnessDir('io-report-browser');
    work = mkdtempSync(join(tmpdir(), 'io-report-browser-'));
    const fx = generateFixtures(join(work, 'archive'));
    const report = join(work, 'report.html');
    const stdout = new Capture();
    const result = await runBatch(
      { paths: [fx.dir], jobs: 2, report, workerUrl: await buildBatchWorker(harness), tagger: { module: writeFakeTagger(harness) } },
      { stdout, stderr: new Capture() },
    );
    expect(result.exitCode).toBe(1);
    records = stdout.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    reportUrl = pathToFileURL(report).href;
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(harness, { recursive: true, force: true });
  });

  it('shows charts, the grid, highlighted evidence and page numbers, with no network request', async () => {
    const { context, profile } = await launchChromium();
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const consoleErrors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      await page.goto(reportUrl);

      // One bar per theme in each chart.
      const themes = await page.locator('svg.chart-documents rect.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-theme')));
      expect(themes).toEqual(['home-visits', 'record-keeping', 'agency-contact']);
      expect(await page.locator('svg.chart-sentences rect.bar').count()).toBe(3);
      const widths = await page.locator('svg.chart-documents rect.bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('width'))));
      expect(Math.max(...widths)).toBeGreaterThan(100);

      // A grid row per document (tagged or failed), in output order.
      const rows = page.locator('table.grid tbody tr');
      expect(await rows.count()).toBe(records.length);
      expect(await rows.first().locator('th a').textContent()).toBe(records[0]!.id);
      expect(await page.locator('table.grid tbody tr.failed').count()).toBe(records.filter((r) => r.error).length);
      expect(await page.locator('table.grid td.tagged').count()).toBeGreaterThan(0);

      // Evidence highlighted, with rule ids as titles, and page numbers of PDF sentences.
      const marks = page.locator('article.doc mark');
      expect(await marks.count()).toBeGreaterThan(5);
      expect(await marks.first().getAttribute('title')).toMatch(/^[a-z-]+: rule fake\./);
      expect(await marks.first().isVisible()).toBe(true);
      const pages = await page.locator('article.doc .page').allTextContents();
      expect(pages).toContain('p.\u00a02');
      expect(await page.locator('#total-failures').textContent()).toBe(String(records.filter((r) => r.error).length));

      // The theme filter shows only documents tagged with the theme.
      await page.locator('button[data-filter="home-visits"]').click();
      const visible = await page.locator('table.grid tbody tr:visible').count();
      expect(visible).toBe(records.filter((r) => r.themes?.includes('home-visits')).length);
      expect(visible).toBeLessThan(records.length);
      await page.locator('button[data-filter=""]').click();
      expect(await page.locator('table.grid tbody tr:visible').count()).toBe(records.length);

      const artifacts = resolve('test-artifacts');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
      expect(existsSync(join(artifacts, 'report.png'))).toBe(true);

      expect(requests).toEqual([reportUrl]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('tag --taxonomy --report (built CLI) names the themes by their labels, ids in tooltips, filters by id', async () => {
    const archive = join(work, 'labelled');
    mkdirSync(archive);
    writeFileSync(join(archive, 'flat.txt'), 'The flat was damp and mould grew on the walls.\n\nThe family moved twice that year.');
    writeFileSync(join(archive, 'school.txt'), 'She was absent from school for most of the term.');
    const report = join(work, 'labelled.html');
    const ROOT = new URL('..', import.meta.url).pathname;
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'tag', archive, '--no-model', '--rules', 'test/fixtures/mini-rules.json', '--taxonomy', 'test/fixtures/mini-taxonomy.json', '--report', report, '--out', join(work, 'labelled.jsonl'), '--jobs', '1'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const { context, profile } = await launchChromium();
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(report).href);
      // Charts, grid heads, filters and badges show the taxonomy's labels...
      expect(await page.locator('svg.chart-documents text.label').allTextContents()).toEqual(['Housing conditions', 'School attendance']);
      expect(await page.locator('table.grid thead th.theme').allTextContents()).toEqual(['Housing conditions', 'School attendance']);
      expect(await page.locator('article.doc .meta .badge').allTextContents()).toContain('Housing conditions');
      expect(await page.locator('article.doc mark').first().getAttribute('title')).toMatch(/^Housing conditions: rule housing\./);
      // ...and keep the ids where people hover and where the filters look.
      expect(await page.locator('table.grid thead th.theme').first().getAttribute('title')).toBe('housing');
      expect(await page.locator('article.doc .meta .badge').first().getAttribute('title')).toBe('housing');
      expect(await page.locator('svg.chart-documents rect.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-theme')))).toEqual(['housing', 'school-attendance']);
      await page.getByRole('button', { name: 'Housing conditions' }).click();
      expect(await page.locator('table.grid tbody tr:visible').count()).toBe(1);
      expect(await page.locator('table.grid tbody tr:visible th a').textContent()).toMatch(/flat\.txt$/);
      await page.screenshot({ path: join(resolve('test-artifacts'), 'report-labels.png'), fullPage: true });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

/** Headless Chromium (Debian's) with a throwaway profile and no background network. */
async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return { context, profile };
}
