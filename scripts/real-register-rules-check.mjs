#!/usr/bin/env node
// Rules alone on the real-register TRAINING units, split by page into a study part (3/4 of
// the pages) and a check part (1/4), by a fixed hash of the unit's `group`. Rules are
// written from the study part's misses and false positives; the check part tells whether
// they carry over to pages nobody looked at. Prints macro and per-theme precision, recall
// and F1 for each part. Never reads the test split (the validation split) or ../shared/eval.
//
//   node scripts/real-register-rules-check.mjs [--rules DIR] [--out FILE.jsonl]
// --out writes one line per unit (part, gold, predicted, rules fired per theme) for study.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTagger } from '../dist/index.js';
import { readCorpus, loadRuleSets, loadLanguageModel } from '../dist/node.js';
import { rulesStudyPartOf } from './rules-study-part.mjs';

const { values } = parseArgs({ options: { rules: { type: 'string' }, out: { type: 'string' } } });
const units = (await readCorpus('corpus')).filter((u) => u.split === 'train' && u.source_url);
const tagger = createTagger({ languageModel: await loadLanguageModel(), ruleSets: await loadRuleSets(values.rules ? [values.rules] : undefined) });
const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
const rows = units.map((u) => {
  const result = tagger.tag(u.text);
  const fired = {};
  for (const s of result.sentences) for (const e of s.evidence) if (e.kind === 'rule') (fired[e.theme] ??= new Set()).add(e.ruleId);
  return { id: u.id, group: u.group, part: rulesStudyPartOf(u.group), gold: u.themes, predicted: result.themes, fired: Object.fromEntries(Object.entries(fired).map(([t, ids]) => [t, [...ids]])) };
});
for (const part of ['study', 'check']) {
  const rs = rows.filter((r) => r.part === part);
  const per = labels.map((t) => {
    let tp = 0, fp = 0, fn = 0;
    for (const r of rs) {
      const g = r.gold.includes(t), p = r.predicted.includes(t);
      if (g && p) tp++; else if (p) fp++; else if (g) fn++;
    }
    return { t, tp, fp, fn, p: tp + fp ? tp / (tp + fp) : 0, r: tp + fn ? tp / (tp + fn) : 0, f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0 };
  });
  const mean = (k) => (per.reduce((s, x) => s + x[k], 0) / per.length).toFixed(3);
  console.log(`${part}: ${rs.length} units from ${new Set(rs.map((r) => r.group)).size} pages; rules alone macro P ${mean('p')} R ${mean('r')} F1 ${mean('f1')}`);
  for (const x of per) console.log(`  ${x.t.padEnd(22)} P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f1.toFixed(3)}  (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`);
}
if (values.out) writeFileSync(values.out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
