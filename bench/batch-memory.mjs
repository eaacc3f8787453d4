// Batch tagging memory benchmark: generates a large archive (text files and
// multi-page PDFs with embedded images, tens of MB) in a temp folder, runs the
// built CLI (`practice-themes tag DIR --out FILE`) over a tenth of it and over all
// of it, and reports peak RSS (VmHWM from /proc, which covers every worker
// thread) and throughput. Flat memory means the two peaks are close.
//
// Usage: npm run build && node bench/batch-memory.mjs [--files 300] [--jobs 2] [--keep]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exampleText } from '../test/fixtures/generate-fixtures.mjs';
import { buildPdf } from '../test/fixtures/generate-pdf.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const { values } = parseArgs({ options: { files: { type: 'string', default: '300' }, jobs: { type: 'string', default: String(availableParallelism()) }, keep: { type: 'boolean' } } });
const fileCount = Number(values.files);
const jobs = Number(values.jobs);

if (!existsSync(cli)) {
  console.error('bench/batch-memory: dist/cli.js not found; run `npm run build` first');
  process.exit(2);
}

/** Paragraphs of the example, shuffled deterministically per file so documents differ. */
function documentText(seed, paragraphsWanted) {
  const paragraphs = exampleText().split(/\n\s*\n/);
  const out = [];
  let x = seed * 2654435761 % 4294967296;
  for (let i = 0; i < paragraphsWanted; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(paragraphs[x % paragraphs.length]);
  }
  return out.join('\n\n');
}

function wrap(text, width = 90) {
  const lines = [];
  for (const paragraph of text.split('\n\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line, '');
  }
  return lines;
}

/** A PDF page stream can carry an image: pad each PDF with a grey "scan" so files weigh what real ones do. */
function pdfWithImage(seed, pages) {
  const lines = wrap(documentText(seed, pages * 6));
  const perPage = 45;
  const specs = [];
  for (let i = 0; i < lines.length; i += perPage) {
    specs.push({ header: `Review ${seed}: overview report (benchmark)`, footer: `Page ${specs.length + 1}`, body: lines.slice(i, i + perPage) });
  }
  const pdf = buildPdf(specs.map((s, i) => ({ ...s, footer: `Page ${i + 1} of ${specs.length}` })));
  // Append an unreferenced image-sized comment block: bytes on disk, nothing to extract.
  return Buffer.concat([pdf, Buffer.from(`%${'x'.repeat(120)}\n`.repeat(Math.floor((150 * 1024) / 122)))]);
}

function generate(dir, n) {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const file = i % 3 === 0 ? join(dir, `review-${String(i).padStart(4, '0')}.pdf`) : join(dir, `review-${String(i).padStart(4, '0')}.txt`);
    const content = i % 3 === 0 ? pdfWithImage(i, 8) : Buffer.from(documentText(i, 24));
    writeFileSync(file, content);
    bytes += content.length;
  }
  return bytes;
}

/** Runs the CLI, sampling VmRSS/VmHWM of the child every 50 ms. */
function runCli(dir, out) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'tag', dir, '--jobs', String(jobs), '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const samples = [];
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak = Math.max(peak, hwm);
        samples.push(rss);
      } catch {
        // the child has exited between two samples
      }
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolvePromise({ code, seconds, peakKb: peak, samples, stderr });
    });
  });
}

const mb = (kb) => (kb / 1024).toFixed(0);
const work = mkdtempSync(join(tmpdir(), 'practice-themes-bench-'));
try {
  const results = [];
  for (const n of [Math.max(10, Math.round(fileCount / 10)), fileCount]) {
    const dir = join(work, `archive-${n}`);
    const bytes = generate(dir, n);
    const out = join(work, `out-${n}.jsonl`);
    const run = await runCli(dir, out);
    if (run.code !== 0) {
      console.error(run.stderr);
      throw new Error(`CLI exited with ${run.code}`);
    }
    const docs = readFileSync(out, 'utf8').trimEnd().split('\n').length;
    const summary = /(\d+) page\(s\), (\d+) sentence\(s\)/.exec(run.stderr);
    const q = (f) => mb(run.samples[Math.min(run.samples.length - 1, Math.floor(run.samples.length * f))] ?? 0);
    results.push({ n, bytes, docs, ...run });
    console.log(
      `${n} files (${(bytes / 1048576).toFixed(1)} MB, ${summary?.[1] ?? '?'} pages, ${summary?.[2] ?? '?'} sentences), --jobs ${jobs}: ` +
        `${run.seconds.toFixed(1)} s, ${(n / run.seconds).toFixed(1)} files/s, ${((bytes / 1048576) / run.seconds).toFixed(2)} MB/s; ` +
        `peak RSS ${mb(run.peakKb)} MB; RSS at 25/50/75/95% of the run: ${q(0.25)}/${q(0.5)}/${q(0.75)}/${q(0.95)} MB; output ${(statSync(out).size / 1048576).toFixed(1)} MB, ${docs} records`,
    );
  }
  const [small, large] = results;
  console.log(`peak RSS grows ${((large.peakKb / small.peakKb - 1) * 100).toFixed(0)}% for ${large.n / small.n}x the files`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
