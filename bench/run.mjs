#!/usr/bin/env node
// Benchmark (not part of the tests): prints figures, asserts nothing. Every figure is
// the median of --rounds rounds (default 3). Times are CPU time of the measuring
// process (user + system, all its threads) unless --wall is given: on a shared
// machine wall time follows the machine's load, CPU time follows the work done. With --before DIR (a dist/ folder built
// from another commit, placed inside this repo so it resolves the same packages),
// each figure is measured for both builds side by side in the same run, interleaved,
// so machine load affects both alike.
//   1. tagging throughput (MB/s) on a generated multi-megabyte archive, next to
//      wink-nlp's own sentence+token pass on the same text, and analyze() alone
//   2. cold start in fresh processes: import, load of the default tagger, first tag;
//      `cli.js --help`; `cli.js tag FILE` on the bundled example (worker included)
//   3. memory: peak RSS tagging one long document, against its size
//   4. training on the corpus train split: analysis and fitting timed apart
//   5. natural's BayesClassifier against our naive Bayes on the same data (--natural)
// Run: `npm run bench`, `npm run bench -- --before .bench-before/dist --natural`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { buildArchive } from './archive.mjs';
import { CLI_V8_FLAGS, coldStart, helpTime, longDocumentMemory, tagFileTime } from './fresh-process.mjs';
import { compareNatural } from './natural.mjs';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '6' },
    rounds: { type: 'string', default: '3' },
    'long-mb': { type: 'string', default: '10' },
    before: { type: 'string' },
    natural: { type: 'boolean' },
    wall: { type: 'boolean' },
    // Comma-separated sections to run: throughput, startup, memory, training (default: all).
    only: { type: 'string' },
    // The build to measure as "after" (default: this repo's dist/).
    dist: { type: 'string' },
  },
});
const sections = new Set((values.only ?? 'throughput,startup,memory,training').split(','));
const unknownSection = [...sections].find((s) => !['throughput', 'startup', 'memory', 'training'].includes(s));
if (unknownSection) throw new Error(`--only: unknown section ${unknownSection} (throughput, startup, memory, training)`);
const clock = values.wall ? 'wall' : 'cpu';
const rounds = Number(values.rounds);
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const builds = [...(values.before ? [{ name: 'before', dir: resolve(values.before) }] : []), { name: values.before ? 'after' : 'this build', dir: values.dist ? resolve(values.dist) : join(root, 'dist') }];
for (const b of builds) b.lib = await import(new URL(`file://${b.dir}/node.js`).href);
const current = builds[builds.length - 1].lib;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (chars, ms) => chars / 1e6 / (ms / 1000);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Time taken by fn (ms): CPU time, or wall time with --wall. */
const timed = (fn) => {
  const now = values.wall ? () => performance.now() : cpuMs;
  const t = now();
  fn();
  return now() - t;
};
const rows = [];
const row = (label, cells, aim = '') => {
  rows.push([label, ...cells, aim]);
  console.error(`  ${label}: ${cells.join(' | ')}`); // live progress; the table is printed at the end
};

const units = await current.readCorpus(join(root, 'corpus'));
const { archive, documents } = buildArchive(units, Number(values.mb) * 1e6);
console.log(`archive: ${(archive.length / 1e6).toFixed(2)} MB in ${documents.length} documents (corpus units, hard-wrapped); ${rounds} rounds, medians; ${clock} time\n`);

for (const b of builds) {
  b.tagger = await b.lib.loadDefaultTagger();
  b.tagger.tag(documents[0]); // warm-up: builds the analyzer, rules and classifier
}
const each = (fn) => builds.map(fn);

if (sections.has('throughput')) {
  // 1. Throughput, interleaved per round: wink alone, then each build's tagger and analyzer.
  const nlp = winkNLP(winkModel, ['sbd']);
  const winkPass = () => {
    for (const d of documents) {
      const doc = nlp.readDoc(d);
      doc.sentences().length();
      doc.tokens().out(nlp.its.value);
    }
  };
  for (const b of builds) {
    b.tagMs = [];
    b.analyzeMs = [];
    b.ratio = [];
  }
  winkPass();
  const winkMs = [];
  for (let r = 0; r < rounds; r++) {
    const w = timed(winkPass);
    winkMs.push(w);
    for (const b of builds) {
      const ms = timed(() => documents.forEach((d) => b.tagger.tag(d)));
      b.tagMs.push(ms);
      b.ratio.push((100 * w) / ms);
      b.analyzeMs.push(timed(() => documents.forEach((d) => b.tagger.analyze(d))));
    }
  }
  row('wink-nlp sbd + tokens alone (MB/s)', each(() => mbps(archive.length, median(winkMs)).toFixed(2)));
  row('analyze() alone (MB/s)', each((b) => mbps(archive.length, median(b.analyzeMs)).toFixed(2)));
  row('tag(), default tagger, 1 core (MB/s)', each((b) => mbps(archive.length, median(b.tagMs)).toFixed(2)));
  row('tagger / wink sbd+tokens', each((b) => `${median(b.ratio).toFixed(0)}%`), '>= 45%');
}

if (sections.has('startup')) {
  // 2. Cold start and --help, fresh processes, interleaved.
  for (const b of builds) b.cold = [];
  for (const b of builds) b.help = [];
  for (const b of builds) b.tagFile = [];
  const exampleFile = join(root, 'examples', 'review-example.txt');
  for (let r = 0; r < Math.max(rounds, 5); r++) {
    for (const b of builds) {
      b.cold.push(coldStart(b.dir));
      b.help.push(helpTime(b.dir));
      b.tagFile.push(tagFileTime(b.dir, exampleFile));
    }
  }
  const coldMedian = (b, key) => median(b.cold.map((c) => c[clock][key]));
  row('cold start: import library (ms)', each((b) => coldMedian(b, 'importMs').toFixed(0)));
  row('cold start: load default tagger (ms)', each((b) => coldMedian(b, 'loadMs').toFixed(0)));
  row('cold start: import + load (ms)', each((b) => median(b.cold.map((c) => c[clock].importMs + c[clock].loadMs)).toFixed(0)), '< 250');
  row('first tag() after load (ms)', each((b) => coldMedian(b, 'firstTagMs').toFixed(0)), '< 100');
  row('cli.js --help, whole process (ms)', each((b) => median(b.help.map((h) => h[clock])).toFixed(0)), '< 150');
  row('cli.js tag FILE, one 2 KB review, whole process (ms)', each((b) => median(b.tagFile.map((h) => h[clock])).toFixed(0)));
}

if (sections.has('memory')) {
  // 3. Memory: one long document (the archive repeated), fresh process per build.
  const work = mkdtempSync(join(tmpdir(), 'practice-themes-bench-'));
  try {
    const longFile = join(work, 'long.txt');
    const longChars = Number(values['long-mb']) * 1e6;
    writeFileSync(longFile, archive.repeat(Math.ceil(longChars / archive.length)).slice(0, longChars));
    // Twice: with Node's default V8 flags (a host program's), and with the V8 flags the
    // CLI's `tag` sets for its own process (src/commands/tag.ts, TAG_PROCESS_V8_FLAGS).
    for (const b of builds) {
      b.long = longDocumentMemory(b.dir, longFile);
      b.longCapped = longDocumentMemory(b.dir, longFile, CLI_V8_FLAGS);
    }
    const mb = (bytes) => (bytes / 1048576).toFixed(0);
    const peak = (r) => `${mb(r.peakRss)} (base ${mb(r.baseRss)} + ${((r.peakRss - r.baseRss) / r.chars).toFixed(1)}x size)`;
    row(`one ${values['long-mb']} MB document: peak RSS (MB)`, each((b) => peak(b.long)), '<= base + 10x');
    row(`  same, with the V8 flags the CLI sets`, each((b) => peak(b.longCapped)), '<= base + 10x');
    row(`one ${values['long-mb']} MB document: tag() time (s)`, each((b) => ((values.wall ? b.long.ms : b.long.cpuMs) / 1000).toFixed(1)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (sections.has('training')) {
  // 4. Training on the train split: analysis (features) and fitting (trainModel on features) apart.
  const train = units.filter((u) => u.split === 'train');
  const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
  for (const b of builds) {
    b.analysisMs = [];
    b.fitMs = [];
  }
  for (let r = 0; r < rounds; r++) {
    for (const b of builds) {
      const analyzer = b.lib.createTextAnalyzer(winkModel);
      const settings = b.tagger.options.model.features;
      let examples;
      b.analysisMs.push(
        timed(() => {
          examples = train.map((u) => ({ id: u.id, themes: u.themes, group: u.group, features: analyzer.analyze(u.text).sentences.flatMap((s) => b.lib.extractFeatures(s.tokens, settings)) }));
        }),
      );
      b.fitMs.push(timed(() => b.lib.trainModel(examples, { labels, analyzer })));
    }
  }
  row(`train (${train.length} units): analysis (s)`, each((b) => (median(b.analysisMs) / 1000).toFixed(2)));
  row(`train: fitting, 5-fold thresholds (s)`, each((b) => (median(b.fitMs) / 1000).toFixed(2)), '< 2');
}

row('peak memory of this process (MB)', [`${(process.resourceUsage().maxRSS / 1024).toFixed(0)}${builds.length > 1 ? ' (both builds)' : ''}`, ...builds.slice(1).map(() => '')]);

// The table.
const header = ['', ...builds.map((b) => b.name), 'aim'];
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => String(r[i]).length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd());

if (values.natural) await compareNatural(current, units, labels);
