#!/usr/bin/env node
// Cross-validation by page on the real-register training units: how much a real
// unit should weigh against a written one, and whether the practice gate helps.
// For each setting, an outer 5-fold split by page holds out real pages; the model is
// trained on everything else (its thresholds, calibration and gate fitted on the
// remaining real units by trainModel's own grouped CV) and the held-out pages are
// tagged with rules + model, as the CLI tags. Prints macro-F1 per setting, then the
// chosen setting's scores on the real-register validation split (the test split).
// Never reads ../shared/eval: use `practice-themes eval-dev` to measure on it.
//
// With --share S (0 < S <= 1), only a fixed share S of the real-register training pages
// is kept (chosen by a hash of the page, so 0.5 is a subset of 0.75): a learning curve.
//
// With --passages N, the held-out units of each page are tagged in runs of N consecutive
// units joined into one paragraph (their gold themes the union of theirs), as passages
// longer than one unit are; --document-from lists the tagger's documentFrom settings to
// compare (paragraphs, both, sentences).
//
// With --dump FILE, every scored unit (or passage) is written to FILE as JSON Lines
// ({part: "cv" or "validation", setting, id, gold, predicted}), so a subset (say the units
// two corpora share) can be scored apart.
//
//   node scripts/real-register-cv.mjs [--weights 1,2,3,5] [--gate on,off] [--folds 5] [--share 1] [--passages 1] [--document-from paragraphs] [--dump FILE]
import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTagger, trainModel, trainingExamplesOf, ruleScoresFrom, extractTextFeatures, DEFAULT_FEATURE_SETTINGS } from '../dist/index.js';
import { readCorpus, loadRuleSets, loadLanguageModel } from '../dist/node.js';
import { rulesStudyPartOf } from './rules-study-part.mjs';

const { values } = parseArgs({ options: { weights: { type: 'string', default: '1,2,3,5' }, gate: { type: 'string', default: 'off,on' }, folds: { type: 'string', default: '5' }, share: { type: 'string', default: '1' }, passages: { type: 'string', default: '1' }, 'document-from': { type: 'string', default: 'paragraphs' }, dump: { type: 'string' } } });
if (values.dump) writeFileSync(values.dump, '');
/** Writes one scored list to --dump's file. */
const dump = (part, setting, list, predicted) => {
  if (!values.dump) return;
  appendFileSync(values.dump, list.map((u, i) => JSON.stringify({ part, setting, id: u.id, gold: u.themes, predicted: predicted[i] })).join('\n') + '\n');
};
const weights = values.weights.split(',').map(Number);
const gates = values.gate.split(',').map((g) => g === 'on');
const outerFolds = Number(values.folds);
const runLength = Number(values.passages);
if (!(Number.isInteger(runLength) && runLength >= 1)) throw new Error(`--passages must be a whole number >= 1, got ${values.passages}`);
const documentFroms = values['document-from'].split(',');

const share = Number(values.share);
if (!(share > 0 && share <= 1)) throw new Error(`--share must be in (0, 1], got ${values.share}`);
const keptPage = (page) => share === 1 || parseInt(createHash('sha256').update(`share:${page}`).digest('hex').slice(0, 8), 16) / 0xffffffff < share;
const units = (await readCorpus('corpus')).filter((u) => u.split === 'train' && (!u.source_url || keptPage(u.group)));
const validation = (await readCorpus('corpus')).filter((u) => u.split === 'test' && u.source_url);
const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
const languageModel = await loadLanguageModel();
const ruleSets = await loadRuleSets();
const ruleTagger = createTagger({ languageModel, ruleSets });
const featuresOf = new Map();
const analyzeAll = (list) => {
  for (const u of list) if (!featuresOf.has(u.text)) featuresOf.set(u.text, extractTextFeatures(ruleTagger.analyze(u.text), DEFAULT_FEATURE_SETTINGS).map((f) => f.key));
};
analyzeAll(units);
const ruleStrengths = ruleScoresFrom(ruleTagger);
const ruleScores = new Map(units.map((u) => [u.text, ruleStrengths(u.text)]));
const bucket = (s) => parseInt(createHash('sha256').update(`outer:${s}`).digest('hex').slice(0, 8), 16) % outerFolds;

function train(trainUnits, realWeight, gate) {
  const examples = trainingExamplesOf(trainUnits, { realWeight, ruleScores: (t) => ruleScores.get(t) }).map((e) => ({
    ...e,
    text: undefined,
    features: featuresOf.get(e.text),
  }));
  return trainModel(examples, { labels, gate, name: 'cv' });
}

function f1Table(gold, pred) {
  const per = {};
  for (const t of labels) {
    let tp = 0, fp = 0, fn = 0;
    gold.forEach((g, i) => {
      const p = pred[i];
      if (g.includes(t) && p.includes(t)) tp++;
      else if (p.includes(t)) fp++;
      else if (g.includes(t)) fn++;
    });
    per[t] = { p: tp + fp ? tp / (tp + fp) : 0, r: tp + fn ? tp / (tp + fn) : 0, f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0 };
  }
  return { per, macro: labels.reduce((s, t) => s + per[t].f1, 0) / labels.length };
}

const tagAll = (model, list, documentFrom = 'paragraphs') => {
  const tagger = createTagger({ languageModel, model, ruleSets, documentFrom });
  return list.map((u) => tagger.tag(u.text).themes);
};

/** The setting a result line is for, when there is more than the default one to tell apart. */
const settingOf = (documentFrom, separator) =>
  documentFroms.length > 1 || runLength > 1 ? `${separator}documentFrom ${documentFrom}${runLength > 1 ? `, runs of ${runLength} units` : ''}` : '';

/** Runs of `runLength` consecutive units of one page as passages (the last run of a page may be shorter). */
function passagesOf(list) {
  if (runLength === 1) return list;
  const byPage = new Map();
  for (const u of list) (byPage.get(u.group) ?? byPage.set(u.group, []).get(u.group)).push(u);
  const out = [];
  for (const page of byPage.values()) {
    for (let i = 0; i < page.length; i += runLength) {
      const run = page.slice(i, i + runLength);
      out.push({ ...run[0], text: run.map((u) => u.text).join(' '), themes: [...new Set(run.flatMap((u) => u.themes))] });
    }
  }
  return out;
}

const real = units.filter((u) => u.source_url);
console.log(`${units.length} training units (${real.length} real-register from ${new Set(real.map((u) => u.group)).size} pages); ${validation.length} validation units`);
const results = [];
for (const gate of gates) {
  for (const w of weights) {
    const gold = [], heldOutUnits = [];
    const pred = Object.fromEntries(documentFroms.map((d) => [d, []]));
    for (let k = 0; k < outerFolds; k++) {
      const heldOut = passagesOf(real.filter((u) => bucket(u.group) === k));
      const model = train(units.filter((u) => !(u.source_url && bucket(u.group) === k)), w, gate);
      gold.push(...heldOut.map((u) => u.themes));
      for (const d of documentFroms) pred[d].push(...tagAll(model, heldOut, d));
      heldOutUnits.push(...heldOut);
    }
    // The check part: pages no rule writer read (the rule passes were written from the study part).
    const check = heldOutUnits.map((u, i) => i).filter((i) => rulesStudyPartOf(heldOutUnits[i].group) === 'check');
    const noTheme = heldOutUnits.map((u, i) => i).filter((i) => gold[i].length === 0);
    for (const d of documentFroms) {
      const { macro, per } = f1Table(gold, pred[d]);
      results.push({ gate, w, macro });
      dump('cv', `gate ${gate ? 'on' : 'off'} weight ${w}${settingOf(d, ' ')}`, heldOutUnits, pred[d]);
      console.log(`gate ${gate ? 'on ' : 'off'} weight ${w}${settingOf(d, ' ')}: CV macro-F1 ${macro.toFixed(3)}  ` + labels.map((t) => `${t} ${per[t].f1.toFixed(2)}`).join(', '));
      console.log(
        `  check part (${check.length} ${runLength > 1 ? 'passages' : 'units'} of pages no rule writer read): macro-F1 ${f1Table(check.map((i) => gold[i]), check.map((i) => pred[d][i])).macro.toFixed(3)}; ` +
          `no-theme ${runLength > 1 ? 'passages' : 'units'} tagged anyway: ${noTheme.filter((i) => pred[d][i].length > 0).length} of ${noTheme.length}`,
      );
    }
  }
}
const best = results.reduce((a, b) => (b.macro > a.macro + 1e-9 ? b : a));
console.log(`chosen: gate ${best.gate ? 'on' : 'off'}, weight ${best.w}`);
const model = train(units, best.w, best.gate);
analyzeAll(validation);
const validationPassages = passagesOf(validation);
for (const d of documentFroms) {
  const predicted = tagAll(model, validationPassages, d);
  dump('validation', `gate ${best.gate ? 'on' : 'off'} weight ${best.w}${settingOf(d, ' ')}`, validationPassages, predicted);
  const { macro, per } = f1Table(validationPassages.map((u) => u.themes), predicted);
  console.log(`validation split (${validation.length} real-register units${runLength > 1 ? ` in ${validationPassages.length} passages` : ''}${settingOf(d, ', ')}): macro-F1 ${macro.toFixed(3)}`);
  for (const t of labels) console.log(`  ${t.padEnd(22)} P ${per[t].p.toFixed(3)} R ${per[t].r.toFixed(3)} F1 ${per[t].f1.toFixed(3)}`);
}
