// Outer 5-fold cross-validation by page over the real-register training units (as
// scripts/nb-variants): writes, per unit, the held-out model's calibrated probabilities, raw
// log-odds, gate probability and rule scores to scratch/oof-wW.json, and the same for the
// validation split from a model trained on the whole train split. Never reads ../shared/eval.
// After `npm run build`: node scripts/learned-fusion/dump-oof.mjs 3
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTagger, trainModel, trainingExamplesOf, extractTextFeatures, DEFAULT_FEATURE_SETTINGS, createClassifier, createPracticeGate } from '../../dist/index.js';
import { readCorpus, loadRuleSets, loadLanguageModel } from '../../dist/node.js';
const W = Number(process.argv[2] ?? 3);
const all = await readCorpus(new URL('../../corpus', import.meta.url).pathname);
const units = all.filter((u) => u.split === 'train');
const val = all.filter((u) => u.split === 'test' && u.source_url);
const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
const lm = await loadLanguageModel();
const ruleTagger = createTagger({ languageModel: lm, ruleSets: await loadRuleSets() });
const feats = new Map();
for (const u of [...units, ...val]) feats.set(u.text, extractTextFeatures(ruleTagger.analyze(u.text), DEFAULT_FEATURE_SETTINGS));
const rules = new Map([...units, ...val].map((u) => [u.text, ruleTagger.tag(u.text).scores]));
const bucket = (s) => parseInt(createHash('sha256').update(`outer:${s}`).digest('hex').slice(0, 8), 16) % 5;
const train = (list) => trainModel(trainingExamplesOf(list, { realWeight: W, ruleScores: (t) => rules.get(t) }).map((e) => ({ ...e, text: undefined, features: feats.get(e.text).map((f) => f.key) })), { labels, name: 'x' });
const rows = [];
const score = (model, list, fold) => {
  const c = createClassifier(model), g = createPracticeGate(model);
  for (const u of list) {
    const f = feats.get(u.text);
    const pr = c.predict(f, { topK: 0 });
    rows.push({ id: u.id, fold, kind: u.source_kind, genre: u.genre, gold: u.themes, p: Object.fromEntries(labels.map((l) => [l, pr[l].probability])), x: Object.fromEntries(labels.map((l) => [l, pr[l].logOdds])), t: model.thresholds, r: Object.fromEntries(labels.map((l) => [l, rules.get(u.text)[l] ?? 0])), g: g ? g.practice(f) : null, tau: model.gate?.threshold ?? 0 });
  }
};
const real = units.filter((u) => u.source_url);
for (let k = 0; k < 5; k++) score(train(units.filter((u) => !(u.source_url && bucket(u.group) === k))), real.filter((u) => bucket(u.group) === k), k);
score(train(units), val, 'val');
mkdirSync(new URL('../../scratch', import.meta.url).pathname, { recursive: true }); writeFileSync(new URL(`../../scratch/oof-w${W}.json`, import.meta.url).pathname, JSON.stringify(rows));
console.log(rows.length, 'rows');
