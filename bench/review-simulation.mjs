#!/usr/bin/env node
// Simulated review rounds on the shipped corpus (issue 12): does a queue of the least
// certain passages teach the model more than the same number chosen at random?
//
// The real-register training pages are split in two by page: half stay in the
// training corpus, half are the "archive" a reviewer works through; their corpus
// labels play the reviewer's decisions. Each round picks 50 archive passages (by
// the review queue, tagging with the current model and the shipped rules, or at
// random), folds them in as reviewed units (source "review", as train --add does)
// and retrains. Scores: F1 of the fused tagger on the test split's real-register
// units (and on the whole test split), after 0, 1, 2 and 4 rounds. Random is the
// mean over --random-seeds seeds. Needs a build (npm run build).
//
// --calibrate-reviewed no keeps reviewed units out of the threshold/calibration fit
// (they are still learned from, with the real-register weight).
//
//   node bench/review-simulation.mjs [--rounds 4] [--per-round 50] [--random-seeds 3] [--calibrate-reviewed yes|no]
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createTagger, ruleScoresFrom, decisionsToUnits, evaluate, extractTextFeatures, reviewQueue, trainModel, trainingExamplesOf, DEFAULT_FEATURE_SETTINGS } from '../dist/index.js';
import { loadLanguageModel, loadRuleSets, readCorpus } from '../dist/node.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '4' }, 'per-round': { type: 'string', default: '50' }, 'random-seeds': { type: 'string', default: '3' }, 'calibrate-reviewed': { type: 'string', default: 'yes' } } });
const calibrateReviewed = values['calibrate-reviewed'] !== 'no';
const rounds = Number(values.rounds);
const perRound = Number(values['per-round']);
const randomSeeds = Number(values['random-seeds']);

const units = await readCorpus('corpus');
const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
const half = (u) => parseInt(createHash('sha256').update(`archive:${u.group}`).digest('hex').slice(0, 8), 16) % 2;
const train = units.filter((u) => u.split === 'train');
const archive = train.filter((u) => u.source_url && half(u) === 1);
const base = train.filter((u) => !(u.source_url && half(u) === 1));
const testReal = units.filter((u) => u.split === 'test' && u.source_url);
const testAll = units.filter((u) => u.split === 'test');

const languageModel = await loadLanguageModel();
const ruleSets = await loadRuleSets();
const ruleTagger = createTagger({ languageModel, ruleSets });
const ruleScoresOf = ruleScoresFrom(ruleTagger);
const features = new Map();
const ruleScores = new Map();
for (const u of [...base, ...archive]) {
  features.set(u.text, extractTextFeatures(ruleTagger.analyze(u.text), DEFAULT_FEATURE_SETTINGS).map((f) => f.key));
  ruleScores.set(u.text, ruleScoresOf(u.text));
}

const trainOn = (list) =>
  trainModel(
    trainingExamplesOf(list, { ruleScores: (t) => ruleScores.get(t) }).map((e, i) => ({
      ...e,
      ...(calibrateReviewed || list[i].source !== 'review' ? {} : { calibrate: false }),
      text: undefined,
      features: features.get(e.text),
    })),
    { labels, name: 'simulation' },
  );

const f1 = (model, list) => {
  const tagger = createTagger({ languageModel, model, ruleSets });
  const e = evaluate(list.map((u) => ({ id: u.id, themes: u.themes })), list.map((u) => ({ id: u.id, themes: tagger.tag(u.text).themes })), { themes: labels });
  return { macro: e.macro.f1, micro: e.micro.f1 };
};

// Each archive unit as a passage of its page, scored as the tagger decides the unit.
function queuePick(model, remaining) {
  const tagger = createTagger({ languageModel, model, ruleSets });
  const pages = new Map();
  for (const u of remaining) {
    const r = tagger.tag(u.text);
    const scores = {};
    for (const t of labels) {
      const s = r.sentences.map((x) => x.scores[t]).filter(Boolean);
      scores[t] = {
        score: r.scores[t] ?? 0,
        tagged: r.themes.includes(t),
        ruleScore: Math.max(0, ...s.map((x) => x.ruleScore)),
        probability: Math.max(0, ...s.map((x) => x.probability ?? 0)),
        source: 'model',
      };
    }
    const list = pages.get(u.group) ?? pages.set(u.group, []).get(u.group);
    list.push({ index: list.length, block: 0, start: 0, end: u.text.length, text: u.text, themes: r.themes, scores, evidence: [], unit: u });
  }
  const documents = [...pages].map(([id, sentences]) => ({ id, result: { sentences } }));
  const byPassage = new Map(documents.flatMap((d) => d.result.sentences.map((s) => [`${d.id}#${s.index}`, s.unit])));
  return reviewQueue(documents, { size: perRound }).map((p) => byPassage.get(p.passage));
}

function randomPick(remaining, seed) {
  const keyed = remaining.map((u) => [createHash('sha256').update(`${seed}:${u.id}`).digest('hex'), u]);
  return keyed.sort((a, b) => (a[0] < b[0] ? -1 : 1)).slice(0, perRound).map(([, u]) => u);
}

const asReviewed = (picked) => decisionsToUnits(picked.map((u) => ({ id: u.id, text: u.text, themes: u.themes, document: u.group })), { reviewer: 'simulated', date: '2026-12-04' });

function runStrategy(pick) {
  let remaining = archive;
  let reviewed = [];
  let model = trainOn(base);
  const curve = [{ round: 0, reviewed: 0, real: f1(model, testReal), all: f1(model, testAll) }];
  for (let round = 1; round <= rounds; round++) {
    const picked = pick(model, remaining);
    const ids = new Set(picked.map((u) => u.id));
    remaining = remaining.filter((u) => !ids.has(u.id));
    reviewed = [...reviewed, ...asReviewed(picked)];
    model = trainOn([...base, ...reviewed]);
    curve.push({ round, reviewed: reviewed.length, real: f1(model, testReal), all: f1(model, testAll) });
    console.error(`  round ${round}: macro F1 on real-register test ${curve.at(-1).real.macro.toFixed(3)}`);
  }
  return curve;
}

console.log(`base ${base.length} units; archive ${archive.length} real-register passages from ${new Set(archive.map((u) => u.group)).size} pages; test ${testReal.length} real-register units (${testAll.length} in all)`);
const started = Date.now();
console.error('queue:');
const queueCurve = runStrategy(queuePick);
const randomCurves = [];
for (let s = 1; s <= randomSeeds; s++) {
  console.error(`random seed ${s}:`);
  randomCurves.push(runStrategy((_model, remaining) => randomPick(remaining, s)));
}
const mean = (k, field, metric) => randomCurves.reduce((sum, c) => sum + c[k][field][metric], 0) / randomCurves.length;
console.log(`\nrounds of ${perRound} passages (reviewed units ${calibrateReviewed ? 'in' : 'not in'} the calibration fit); F1 of rules + model (macro / micro) on the test split`);
console.log('round  reviewed  queue: real-register   random: real-register   queue: all test   random: all test');
for (let k = 0; k < queueCurve.length; k++) {
  const q = queueCurve[k];
  if (![0, 1, 2, 4].includes(q.round) && q.round !== rounds) continue;
  console.log(
    `${String(q.round).padStart(5)}  ${String(q.reviewed).padStart(8)}  ${q.real.macro.toFixed(3)} / ${q.real.micro.toFixed(3)}        ${mean(k, 'real', 'macro').toFixed(3)} / ${mean(k, 'real', 'micro').toFixed(3)}           ${q.all.macro.toFixed(3)} / ${q.all.micro.toFixed(3)}     ${mean(k, 'all', 'macro').toFixed(3)} / ${mean(k, 'all', 'micro').toFixed(3)}`,
  );
}
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
