#!/usr/bin/env node
// Simulated review rounds on the shipped corpus (issue 12): does a queue of the least
// certain passages teach the model more than the same number chosen at random?
//
// The real-register training pages are split by page into --folds parts. In fold k,
// part k is the "archive" a reviewer works through; its corpus labels play the
// reviewer's decisions. Each round picks --per-round archive passages (by a queue
// strategy, scoring with the current model and the shipped rules, or at random),
// folds them in as reviewed units (source "review", as train --add does) and
// retrains. Scored: F1 of rules + model (the fused decision) after 0, 1, 2 and 4 rounds.
//
// Scenarios:
//   seen     the base corpus is the written units plus the other real-register parts
//            (the model already knows the archive's register, as the shipped one does)
//   unseen   the base corpus is the written units only:
//            a model that has not seen the archive's kind of text
//   cold     the base corpus is --base-size real-register units of the other parts and nothing
//            else (plus one unit for each theme none of them carries): a team that starts its own
//            taxonomy from a small labelled set
// Evaluation:
//   test     the corpus's test split, real-register units (the figures to report)
//   dev      part k+1 of the real-register training pages, held out of the base: the
//            folds on which queue strategies are compared and chosen
//
// Random is --seeds seeds per fold; a strategy's difference from random is taken per
// fold (strategy minus that fold's mean over seeds), then averaged over folds.
// Scores come from precomputed features and rule strengths through the model's
// classifier, gate and fuseTheme: the tagger's decision on a one-paragraph unit
// (checked against tagger.tag on the base model of each fold). Needs npm run build.
//
//   node bench/review-simulation.mjs [--scenario seen|unseen|cold] [--base-size 100] [--evaluate test|dev]
//     [--folds 3] [--seeds 5] [--rounds 4] [--per-round 50] [--strategies queue,...] [--json FILE]
//     [--calibrate-on auto|real|all]   (where thresholds, calibration and the gate are fitted: auto, train's
//     default, on the real-register units once there are 200 and on every unit before; real, on the
//     real-register units whenever there are any; all, on every unit)
//     [--partition SEED]   (another draw of the archive parts by page, for independent repeats)
//     [--review-weight W]  (how many times a reviewed passage counts; default as a real-register unit, 3)
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createTagger, ruleScoresFrom, decisionsToUnits, evaluate, extractTextFeatures, isRealRegister, trainModel, trainingExamplesOf, DEFAULT_FEATURE_SETTINGS } from '../dist/index.js';
import { loadLanguageModel, loadRuleSets, readCorpus } from '../dist/node.js';
import { STRATEGIES, scoreUnits } from './review-strategies.mjs';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'seen' },
    'base-size': { type: 'string', default: '100' },
    evaluate: { type: 'string', default: 'test' },
    folds: { type: 'string', default: '3' },
    seeds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '4' },
    'per-round': { type: 'string', default: '50' },
    strategies: { type: 'string', default: 'queue' },
    'calibrate-on': { type: 'string', default: 'auto' },
    'review-weight': { type: 'string' },
    partition: { type: 'string', default: '' },
    json: { type: 'string' },
  },
});
const folds = Number(values.folds);
const seeds = Number(values.seeds);
const rounds = Number(values.rounds);
const perRound = Number(values['per-round']);
const strategies = values.strategies.split(',');
for (const s of strategies) if (!STRATEGIES[s]) throw new Error(`unknown strategy ${s} (known: ${Object.keys(STRATEGIES).join(', ')})`);
const baseSize = Number(values['base-size']);
if (!['seen', 'unseen', 'cold'].includes(values.scenario) || !(Number.isInteger(baseSize) && baseSize > 0) || !['test', 'dev'].includes(values.evaluate) || !['auto', 'real', 'all'].includes(values['calibrate-on'])) {
  throw new Error('--scenario seen|unseen|cold, --base-size N (N > 0), --evaluate test|dev, --calibrate-on auto|real|all');
}
const reported = [...new Set([0, 1, 2, 4, rounds].filter((r) => r <= rounds))];

const started = Date.now();
const load = [];
const sampleLoad = () => load.push(loadavg()[0]);
const units = await readCorpus('corpus');
const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
// --partition names another draw of the parts (a different set of archives); none keeps the original one.
const partitionKey = values.partition ? `archive:${values.partition}:` : 'archive:';
const partOf = (u) => parseInt(createHash('sha256').update(`${partitionKey}${u.group}`).digest('hex').slice(0, 8), 16) % folds;
const writtenTrain = units.filter((u) => u.split === 'train' && !u.source_url);
const realTrain = units.filter((u) => u.split === 'train' && u.source_url);
const testReal = units.filter((u) => u.split === 'test' && u.source_url);

const languageModel = await loadLanguageModel();
const ruleSets = await loadRuleSets();
const ruleTagger = createTagger({ languageModel, ruleSets });
const ruleScoresOf = ruleScoresFrom(ruleTagger);
const features = new Map();
const ruleScores = new Map();
for (const u of units) {
  if (features.has(u.text)) continue;
  features.set(u.text, extractTextFeatures(ruleTagger.analyze(u.text), DEFAULT_FEATURE_SETTINGS).map((f) => ({ key: f.key, start: 0, end: 0 })));
  ruleScores.set(u.text, ruleScoresOf(u.text));
}
const precomputed = { features, ruleScores, labels };
sampleLoad();

// auto: the library's default (real-register units once there are MIN_REAL_FOR_CALIBRATION);
// real: the real-register units whenever there are any (the default before 2026-12-05); all: every unit.
const calibrationOption = (list) =>
  values['calibrate-on'] === 'all' ? { calibrateOnReal: false } : values['calibrate-on'] === 'real' ? { calibrateOnReal: list.some(isRealRegister) } : {};
// --review-weight: how many times a reviewed passage counts (default: as any real-register unit).
const reviewWeight = values['review-weight'] === undefined ? undefined : Number(values['review-weight']);
const reviewWeightOf = (unit) => (reviewWeight !== undefined && unit.source === 'review' ? { weight: reviewWeight } : {});
const trainOn = (list) =>
  trainModel(
    // trainingExamplesOf returns one example per unit, in order.
    trainingExamplesOf(list, { ruleScores: (t) => ruleScores.get(t), ...calibrationOption(list) }).map((e, i) => ({ ...e, ...reviewWeightOf(list[i]), text: undefined, features: features.get(e.text) })),
    { labels, name: 'simulation' },
  );

const f1 = (model, list) => {
  const predicted = scoreUnits(model, list, precomputed).map((s) => s.themes);
  const e = evaluate(list.map((u) => ({ id: u.id, themes: u.themes })), list.map((u, i) => ({ id: u.id, themes: predicted[i] })), { themes: labels });
  return { macro: e.macro.f1, micro: e.micro.f1 };
};

// The fast scores must be the tagger's decisions.
function checkAgainstTagger(model, list) {
  const tagger = createTagger({ languageModel, model, ruleSets });
  const fast = scoreUnits(model, list, precomputed);
  const differ = list.filter((u, i) => tagger.tag(u.text).themes.join() !== fast[i].themes.join()).length;
  if (differ) console.error(`  warning: ${differ} of ${list.length} units decided differently by tagger.tag`);
  return differ;
}

const randomOrder = (archive, fold, seed) =>
  archive
    .map((u) => [createHash('sha256').update(`${seed}:${fold}:${u.id}`).digest('hex'), u])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([, u]) => u);

const asReviewed = (picked) => decisionsToUnits(picked.map((u) => ({ id: u.id, text: u.text, themes: u.themes, document: u.group })), { reviewer: 'simulated', date: '2026-12-04' });

/** F1 after each reported round; pick(model, remaining, round) chooses a round's passages. */
function runCurve(base, archive, evalUnits, baseScore, pick, needsModel) {
  let remaining = archive;
  let reviewed = [];
  let model;
  const curve = { 0: baseScore };
  for (let round = 1; round <= rounds; round++) {
    const picked = pick(model, remaining, round);
    const ids = new Set(picked.map((u) => u.id));
    remaining = remaining.filter((u) => !ids.has(u.id));
    reviewed = [...reviewed, ...asReviewed(picked)];
    // Random picks do not depend on the model: train only where a score is reported.
    if (needsModel || reported.includes(round)) {
      model = trainOn([...base, ...reviewed]);
      if (reported.includes(round)) curve[round] = f1(model, evalUnits);
    }
    sampleLoad();
  }
  return curve;
}

// The first --base-size units of a random order, plus, for a theme none of them carries, the
// next unit that does: a classifier needs an example of each theme, and so would a team's own start.
function coldBase(order) {
  const base = order.slice(0, baseSize);
  for (const label of labels) {
    if (base.some((u) => u.themes.includes(label))) continue;
    const next = order.slice(baseSize).find((u) => u.themes.includes(label) && !base.includes(u));
    if (next) base.push(next);
  }
  return base;
}

const results = { scenario: values.scenario, partition: values.partition || undefined, reviewWeight, ...(values.scenario === 'cold' ? { baseSize } : {}), calibrateOn: values['calibrate-on'], evaluate: values.evaluate, folds, seeds, perRound, rounds, labels, perFold: [] };
for (let k = 0; k < folds; k++) {
  const archive = realTrain.filter((u) => partOf(u) === k);
  const devPart = (k + 1) % folds;
  const dev = values.evaluate === 'dev' ? realTrain.filter((u) => partOf(u) === devPart) : [];
  const otherReal = realTrain.filter((u) => partOf(u) !== k && !(values.evaluate === 'dev' && partOf(u) === devPart));
  const base = values.scenario === 'cold' ? coldBase(randomOrder(otherReal, k, 'base')) : [...writtenTrain, ...(values.scenario === 'seen' ? otherReal : [])];
  const evalUnits = values.evaluate === 'dev' ? dev : testReal;
  const baseModel = trainOn(base);
  const differ = checkAgainstTagger(baseModel, evalUnits);
  const baseScore = f1(baseModel, evalUnits);
  console.error(`fold ${k + 1}/${folds}: base ${base.length} units, archive ${archive.length} passages from ${new Set(archive.map((u) => u.group)).size} pages, evaluated on ${evalUnits.length}; round 0 macro F1 ${baseScore.macro.toFixed(3)}`);
  const fold = { fold: k, base: base.length, archive: archive.length, evaluated: evalUnits.length, taggerDisagreements: differ, random: [], strategies: {} };
  for (let s = 1; s <= seeds; s++) {
    const order = randomOrder(archive, k, s);
    fold.random.push(runCurve(base, archive, evalUnits, baseScore, (_m, _r, round) => order.slice((round - 1) * perRound, round * perRound), false));
    console.error(`  random seed ${s}: ${reported.map((r) => fold.random.at(-1)[r].macro.toFixed(3)).join(' ')}`);
  }
  for (const name of strategies) {
    const strategy = STRATEGIES[name];
    fold.strategies[name] = runCurve(
      base,
      archive,
      evalUnits,
      baseScore,
      (model, remaining, round) => strategy(model ?? baseModel, remaining, { ...precomputed, size: perRound, seed: round + 100 * k }),
      true,
    );
    console.error(`  ${name}: ${reported.map((r) => fold.strategies[name][r].macro.toFixed(3)).join(' ')}`);
  }
  results.perFold.push(fold);
}

// Summaries: random over folds x seeds; each strategy over folds, and its paired difference from random.
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs) => (xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1)) : 0);
const fmt = (xs) => `${mean(xs).toFixed(3)} ±${sd(xs).toFixed(3)}`;
const seconds = (Date.now() - started) / 1000;
results.summary = {};
console.log(
  `\nscenario ${values.scenario}, evaluated on ${values.evaluate === 'dev' ? 'a held-out real-register part (dev)' : `the test split's ${testReal.length} real-register units`}; ` +
    `${folds} folds by page, ${seeds} random seeds, rounds of ${perRound}`,
);
console.log('macro F1, mean ± sd (random: over folds x seeds; strategies: over folds); diff: strategy - random in the same fold, mean [min, max] over folds;');
console.log('beats: share of (fold, seed) pairs in which the strategy scored above that random seed (ties count half)');
console.log(`${'round'.padStart(5)}  ${'reviewed'.padStart(8)}  ${'random'.padEnd(14)}  ${'seed sd'.padEnd(7)}  ${strategies.map((n) => `${n.padEnd(14)}  ${'diff'.padEnd(22)}  ${'beats'.padEnd(5)}`).join('  ')}`);
for (const r of reported) {
  const randomAll = results.perFold.flatMap((f) => f.random.map((c) => c[r].macro));
  const seedSd = mean(results.perFold.map((f) => sd(f.random.map((c) => c[r].macro))));
  const row = { random: { mean: mean(randomAll), sd: sd(randomAll), seedSd }, strategies: {} };
  let line = `${String(r).padStart(5)}  ${String(r * perRound).padStart(8)}  ${fmt(randomAll).padEnd(14)}  ${seedSd.toFixed(3).padEnd(7)}`;
  for (const name of strategies) {
    const values_ = results.perFold.map((f) => f.strategies[name][r].macro);
    const diffs = results.perFold.map((f) => f.strategies[name][r].macro - mean(f.random.map((c) => c[r].macro)));
    // Each random seed is one draw of what a reviewer without the queue would get: how often does the queue do better?
    const pairs = results.perFold.flatMap((f) => f.random.map((c) => Math.sign(f.strategies[name][r].macro - c[r].macro)));
    const beats = mean(pairs.map((s) => (s + 1) / 2));
    row.strategies[name] = { mean: mean(values_), sd: sd(values_), diff: mean(diffs), diffMin: Math.min(...diffs), diffMax: Math.max(...diffs), beats };
    const sign = (x) => (x >= 0 ? '+' : '') + x.toFixed(3);
    line += `  ${fmt(values_).padEnd(14)}  ${`${sign(mean(diffs))} [${sign(Math.min(...diffs))}, ${sign(Math.max(...diffs))}]`.padEnd(22)}  ${r === 0 ? '' : `${Math.round(beats * 100)}%`.padEnd(5)}`;
  }
  results.summary[r] = row;
  console.log(line);
}
results.seconds = seconds;
results.load = { cores: cpus().length, mean: mean(load), max: Math.max(...load) };
console.log(`(${seconds.toFixed(0)} s; load average ${mean(load).toFixed(1)} mean, ${Math.max(...load).toFixed(1)} max, on ${cpus().length} cores)`);
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2) + '\n');
