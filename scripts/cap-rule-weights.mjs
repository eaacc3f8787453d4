#!/usr/bin/env node
// Caps each default rule's weight at its smoothed precision on the corpus TRAIN split,
// (true positives + 1) / (fires + 2), for rules that fire on 5 or more train units.
// A rule that is right only half the time then cannot tag a theme on its own
// (weights >= 0.5 do) and needs the model to agree. Never raises a weight; the test
// split is not looked at. Prints what it changes; `--write` rewrites models/rules/*.json.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import languageModel from 'wink-eng-lite-web-model';
import { compileRules, createTextAnalyzer, lintRules, parseRuleSet, readCorpus } from '../dist/node.js';

const MIN_FIRES = 5;
const dir = 'models/rules';
const files = readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
const sets = files.map((f) => ({ file: f, json: JSON.parse(readFileSync(f, 'utf8')) }));
const analyzer = createTextAnalyzer(languageModel);
const compiled = compileRules(sets.map((s) => parseRuleSet(s.json, { file: s.file })), { analyzer });
const train = (await readCorpus('corpus')).filter((u) => u.split === 'train');
const report = lintRules(compiled, analyzer, train);
const cap = new Map(report.rules.filter((r) => r.fires >= MIN_FIRES).map((r) => [r.ruleId, Math.floor((100 * (r.truePositives + 1)) / (r.fires + 2)) / 100]));
let changed = 0;
for (const set of sets) {
  for (const rule of set.json.rules) {
    const limit = cap.get(rule.id);
    if (limit !== undefined && rule.weight > limit) {
      console.log(`${rule.id.padEnd(40)} ${rule.weight} -> ${limit}`);
      rule.weight = limit;
      changed++;
    }
  }
  if (process.argv.includes('--write')) writeFileSync(set.file, JSON.stringify(set.json, null, 2) + '\n');
}
console.log(`${changed} rule weight(s) above their smoothed train precision${process.argv.includes('--write') ? ' capped' : ' (use --write to cap them)'}`);
