// Batch tagging benchmark: generates archives (text files and multi-page PDFs
// padded like scans, so file bytes overstate text about tenfold) in a temp folder and
// runs the built CLI (`practice-themes tag DIR --out FILE`) over them:
//   1. memory: a folder of --mb MB of files and one a tenth of that size; peak RSS
//      (VmHWM from /proc, which covers every worker thread) should stay flat;
//   2. scaling: a folder of --files files with --jobs 1 and with --jobs N.
// Throughput is reported in text MB/s (characters extracted and tagged, from the
// output records), besides files/s and file MB/s.
//
// Each line ends with the machine's load average (1 min) when the run ended: wall times
// mean little unless it is well under the number of cores.
//
// Usage: npm run bench:batch [-- --mb 200 --files 400 --jobs 2 --keep --dist DIR]   (--mb 0: scaling only)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exampleText } from '../test/fixtures/generate-fixtures.mjs';
import { buildPdf } from '../test/fixtures/generate-pdf.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: join(root, 'dist') },
    mb: { type: 'string', default: '200' },
    files: { type: 'string', default: '400' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    keep: { type: 'boolean' },
  },
});
const cli = join(resolve(values.dist), 'cli.js');
const folderBytes = Number(values.mb) * 1048576;
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

/** Writes `n` files (or, with n = Infinity, files until `maxBytes`) and returns their bytes and count. */
function generate(dir, n, maxBytes = Infinity) {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let i = 0;
  for (; i < n && bytes < maxBytes; i++) {
    const file = i % 3 === 0 ? join(dir, `review-${String(i).padStart(4, '0')}.pdf`) : join(dir, `review-${String(i).padStart(4, '0')}.txt`);
    const content = i % 3 === 0 ? pdfWithImage(i, 8) : Buffer.from(documentText(i, 24));
    writeFileSync(file, content);
    bytes += content.length;
  }
  return { bytes, files: i };
}

/** Runs the CLI, sampling VmRSS/VmHWM of the child every 50 ms. */
function runCli(dir, out, jobCount) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'tag', dir, '--jobs', String(jobCount), '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
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

/** Tags a generated folder and prints one line of figures. */
async function measure(work, name, { files, maxBytes }, jobCount) {
  const dir = join(work, name);
  if (!existsSync(dir)) generate(dir, files, maxBytes);
  const generated = folderSizes[dir] ?? (folderSizes[dir] = folderSize(dir));
  const out = join(work, `${name}-${jobCount}.jsonl`);
  const run = await runCli(dir, out, jobCount);
  if (run.code !== 0) {
    console.error(run.stderr);
    throw new Error(`CLI exited with ${run.code}`);
  }
  const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  const characters = records.reduce((n, r) => n + (r.meta?.characters ?? 0), 0);
  const summary = /(\d+) page\(s\), (\d+) sentence\(s\)/.exec(run.stderr);
  const q = (f) => mb(run.samples[Math.min(run.samples.length - 1, Math.floor(run.samples.length * f))] ?? 0);
  console.log(
    `${generated.files} files (${(generated.bytes / 1048576).toFixed(1)} MB of files, ${(characters / 1e6).toFixed(1)} MB of text, ${summary?.[1] ?? '?'} pages, ${summary?.[2] ?? '?'} sentences), --jobs ${jobCount}: ` +
      `${run.seconds.toFixed(1)} s, ${(generated.files / run.seconds).toFixed(1)} files/s, text ${(characters / 1e6 / run.seconds).toFixed(2)} MB/s (files ${(generated.bytes / 1048576 / run.seconds).toFixed(1)} MB/s); ` +
      `peak RSS ${mb(run.peakKb)} MB; RSS at 25/50/75/95% of the run: ${q(0.25)}/${q(0.5)}/${q(0.75)}/${q(0.95)} MB; ${records.length} records; load ${loadavg()[0].toFixed(1)}`,
  );
  rmSync(out, { force: true });
  return { ...run, characters };
}

// Bytes and files of each generated folder (measured once).
const folderSizes = {};
function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir)) {
    bytes += statSync(join(dir, f)).size;
    files++;
  }
  return { bytes, files };
}

const work = mkdtempSync(join(tmpdir(), 'practice-themes-bench-'));
try {
  if (folderBytes > 0) {
    console.log(`memory: a ${values.mb} MB folder and one a tenth of its size, --jobs ${jobs}`);
    const small = await measure(work, 'tenth', { files: Infinity, maxBytes: folderBytes / 10 }, jobs);
    rmSync(join(work, 'tenth'), { recursive: true, force: true });
    const large = await measure(work, 'full', { files: Infinity, maxBytes: folderBytes }, jobs);
    rmSync(join(work, 'full'), { recursive: true, force: true });
    console.log(`peak RSS grows ${((large.peakKb / small.peakKb - 1) * 100).toFixed(0)}% for 10x the files\n`);
  }
  console.log(`scaling: ${fileCount} files, --jobs 1 against --jobs ${jobs}`);
  const one = await measure(work, 'scaling', { files: fileCount }, 1);
  const many = await measure(work, 'scaling', { files: fileCount }, jobs);
  console.log(`--jobs ${jobs} is ${(one.seconds / many.seconds).toFixed(2)}x as fast as --jobs 1 (aim: >= 1.7x with ${jobs} free cores)`);
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
