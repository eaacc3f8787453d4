#!/usr/bin/env node
// Benchmark (not part of the tests): prints figures, asserts nothing.
//   1. tagging throughput (MB/s, sentences/s) of the default tagger on a generated
//      multi-megabyte archive, next to wink-nlp's own sentence+token pass on the same text
//   2. cold start: a fresh process importing the library and loading the default tagger
//   3. peak memory (max RSS) of this process
//   4. natural's BayesClassifier against our naive Bayes on the same training data
// Run after `npm run build`: `npm run bench` (or `node bench/run.mjs --mb 8`).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { loadDefaultTagger, readCorpus, trainModel, createClassifier, createTextAnalyzer, extractFeatures, serializeModel } from '../dist/node.js';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '6' }, quick: { type: 'boolean' } } });
const targetBytes = Number(values.mb) * 1e6;
const require = createRequire(import.meta.url);
const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const line = (label, value) => console.log(`${label.padEnd(46)} ${value}`);

// A deterministic archive: corpus units arranged into numbered paragraphs, hard-wrapped like PDF text.
const units = await readCorpus('corpus');
let seed = 7;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const parts = [];
let size = 0;
for (let doc = 1; size < targetBytes; doc++) {
  parts.push(`Review ${doc}\n\n`);
  for (let p = 1; p <= 12; p++) {
    const para = [];
    for (let s = 0; s < 3; s++) para.push(units[Math.floor(next() * units.length)].text);
    const text = `${doc}.${p} ${para.join(' ')}`.replace(/(.{70,90}) /g, '$1\n');
    parts.push(text + '\n\n');
    size += text.length;
  }
}
const archive = parts.join('');
const documents = archive.split(/(?=Review \d+\n)/);
console.log(`archive: ${(archive.length / 1e6).toFixed(2)} MB in ${documents.length} documents (corpus units, hard-wrapped)\n`);

// 1a. wink-nlp alone: sentence and token splitting.
const nlp = winkNLP(winkModel, ['sbd']);
const its = nlp.its;
nlp.readDoc(documents[0]); // warm-up
let t = performance.now();
let winkSentences = 0;
for (const d of documents) {
  const doc = nlp.readDoc(d);
  winkSentences += doc.sentences().length();
  doc.tokens().out(its.value);
}
const winkMs = performance.now() - t;

// 1b. the whole tagger (segmentation, features, rules, model, fusion, evidence).
const tagger = await loadDefaultTagger();
tagger.tag(documents[0]); // warm-up: builds the analyzer, rules and classifier
t = performance.now();
let sentences = 0;
for (const d of documents) sentences += tagger.tag(d).sentences.length;
const tagMs = performance.now() - t;
line('wink-nlp sbd + tokens alone', `${mbps(archive.length, winkMs).toFixed(2)} MB/s (${Math.round(winkSentences / (winkMs / 1000))} sentences/s)`);
line('practice-themes tag (default tagger, 1 core)', `${mbps(archive.length, tagMs).toFixed(2)} MB/s (${Math.round(sentences / (tagMs / 1000))} sentences/s)`);
line('ratio tagger / wink splitting', `${((100 * winkMs) / tagMs).toFixed(0)}% (aim: >= 65%)`);

// 2. cold start in a fresh process: import + default model and rules load + first tag of one sentence.
const coldScript = `const t0=performance.now();const m=await import(${JSON.stringify(new URL('../dist/node.js', import.meta.url).href)});const t1=performance.now();const tg=await m.loadDefaultTagger();const t2=performance.now();tg.tag('The GP was not told.');const t3=performance.now();console.log(JSON.stringify({importMs:t1-t0,loadMs:t2-t1,firstTagMs:t3-t2}));`;
const runs = [];
for (let i = 0; i < (values.quick ? 2 : 5); i++) runs.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', coldScript], { encoding: 'utf8' })));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const imp = median(runs.map((r) => r.importMs));
const load = median(runs.map((r) => r.loadMs));
const first = median(runs.map((r) => r.firstTagMs));
line('cold start: import library', `${imp.toFixed(0)} ms`);
line('cold start: load default model + rules', `${load.toFixed(0)} ms`);
line('cold start: import + load (aim: < 300 ms)', `${(imp + load).toFixed(0)} ms (median of ${runs.length} fresh processes)`);
line('first tag (builds analyzer + compiles rules)', `${first.toFixed(0)} ms`);
line('peak memory of this process (max RSS)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// 3. natural's BayesClassifier against ours on the same data: train units, test units.
console.log('');
const train = units.filter((u) => u.split === 'train');
const test = units.filter((u) => u.split === 'test');
const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
const analyzer = createTextAnalyzer(winkModel);
const trainFeatures = train.map((u) => ({ id: u.id, themes: u.themes, group: u.group, text: u.text }));
t = performance.now();
const model = trainModel(trainFeatures, { labels, analyzer, folds: 2 });
const oursTrainMs = performance.now() - t;
const classifier = createClassifier(model);
const testFeatures = test.map((u) => analyzer.analyze(u.text).sentences.flatMap((s) => extractFeatures(s.tokens, classifier.featureSettings)));
const reps = Math.max(1, Math.ceil(50000 / testFeatures.length));
t = performance.now();
for (let r = 0; r < reps; r++) for (const f of testFeatures) classifier.predict(f, { topK: 0 });
const oursRate = (reps * testFeatures.length) / ((performance.now() - t) / 1000);

// natural 8 loads database drivers from its index: import the classifier by deep path.
const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js');
const natural = Object.fromEntries(labels.map((l) => [l, new BayesClassifier()]));
t = performance.now();
for (const l of labels) {
  for (const u of train) natural[l].addDocument(u.text, u.themes.includes(l) ? 'yes' : 'no');
  natural[l].train();
}
const naturalTrainMs = performance.now() - t;
const naturalN = Math.min(test.length, values.quick ? 100 : 600);
t = performance.now();
let sample;
for (let i = 0; i < naturalN; i++) for (const l of labels) sample = natural[l].getClassifications(test[i].text);
const naturalRate = naturalN / ((performance.now() - t) / 1000);
const naturalSize = labels.reduce((n, l) => n + JSON.stringify(natural[l]).length, 0);
line(`train (${train.length} units, ${labels.length} labels): natural`, `${(naturalTrainMs / 1000).toFixed(2)} s`);
line(`train: practice-themes (incl. analysis, 2-fold thresholds)`, `${(oursTrainMs / 1000).toFixed(2)} s`);
line('classify: natural BayesClassifier', `${Math.round(naturalRate)} units/s (all labels), raw score e.g. ${sample?.[0]?.value?.toExponential(2)}`);
line('classify: practice-themes NB (features given)', `${Math.round(oursRate)} units/s (all labels), probabilities in 0..1`);
line('model size: natural (JSON) / ours (JSON)', `${(naturalSize / 1024).toFixed(0)} KB / ${(serializeModel(model).length / 1024).toFixed(0)} KB`);
