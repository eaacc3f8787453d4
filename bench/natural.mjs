// natural's BayesClassifier against our naive Bayes on the same data: train units, test units.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import winkModel from 'wink-eng-lite-web-model';

const require = createRequire(import.meta.url);
const line = (label, value) => console.log(`${label.padEnd(46)} ${value}`);

/** Prints training time, classification rate and model size of natural and ours. */
export async function compareNatural(lib, units, labels) {
  console.log('');
  const train = units.filter((u) => u.split === 'train');
  const test = units.filter((u) => u.split === 'test');
  const analyzer = lib.createTextAnalyzer(winkModel);
  let t = performance.now();
  const model = lib.trainModel(train.map((u) => ({ id: u.id, themes: u.themes, group: u.group, text: u.text })), { labels, analyzer, folds: 2 });
  const oursTrainMs = performance.now() - t;
  const classifier = lib.createClassifier(model);
  const testFeatures = test.map((u) => analyzer.analyze(u.text).sentences.flatMap((s) => lib.extractFeatures(s.tokens, classifier.featureSettings)));
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
  const naturalN = Math.min(test.length, 600);
  t = performance.now();
  let sample;
  for (let i = 0; i < naturalN; i++) for (const l of labels) sample = natural[l].getClassifications(test[i].text);
  const naturalRate = naturalN / ((performance.now() - t) / 1000);
  const naturalSize = labels.reduce((n, l) => n + JSON.stringify(natural[l]).length, 0);
  line(`train (${train.length} units, ${labels.length} labels): natural`, `${(naturalTrainMs / 1000).toFixed(2)} s`);
  line('train: practice-themes (incl. analysis, 2-fold thresholds)', `${(oursTrainMs / 1000).toFixed(2)} s`);
  line('classify: natural BayesClassifier', `${Math.round(naturalRate)} units/s (all labels), raw score e.g. ${sample?.[0]?.value?.toExponential(2)}`);
  line('classify: practice-themes NB (features given)', `${Math.round(oursRate)} units/s (all labels), probabilities in 0..1`);
  line('model size: natural (JSON) / ours (JSON)', `${(naturalSize / 1024).toFixed(0)} KB / ${(lib.serializeModel(model).length / 1024).toFixed(0)} KB`);
}
