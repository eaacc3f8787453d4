#!/usr/bin/env node
// Scores two runs of scripts/real-register-cv.mjs --dump on the units both share: how
// the keep rule for new corpus data reads (the cross-validation by page on the shared
// units, its check part, and the validation split on the units it held before). Outer
// folds are drawn by a hash of the page, so a shared unit keeps its fold. Themes come
// from the dumps' gold labels. Needs the build (dist/).
//
//   node scripts/harvest/compare-dumps.mjs BEFORE.jsonl AFTER.jsonl
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../../dist/index.js';
import { rulesStudyPartOf } from '../rules-study-part.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.log('usage: node scripts/harvest/compare-dumps.mjs BEFORE.jsonl AFTER.jsonl');
  process.exit(2);
}
const load = (file) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const before = load(beforeFile);
const after = load(afterFile);
const labels = [...new Set([...before, ...after].flatMap((r) => r.gold))].sort();
// The library's own evaluation (per-theme F1, macro over every theme the dumps carry).
const scores = (rows) => {
  const { perTheme, macro } = evaluate(
    rows.map((r) => ({ id: r.id, themes: r.gold })),
    rows.map((r) => ({ id: r.id, themes: r.predicted })),
    { themes: labels },
  );
  return { macro: macro.f1, per: Object.fromEntries(perTheme.map((t) => [t.theme, t.f1])) };
};
const groupOf = new Map(load(join(root, 'corpus', 'real-register.jsonl')).map((u) => [u.id, u.group]));
const f = (x) => x.toFixed(3);
for (const part of ['cv', 'validation']) {
  const a = before.filter((r) => r.part === part);
  const b = after.filter((r) => r.part === part);
  const shared = new Set(a.map((r) => r.id));
  const bShared = b.filter((r) => shared.has(r.id));
  const bNew = b.filter((r) => !shared.has(r.id));
  console.log(`${part}: before ${f(scores(a).macro)} (${a.length}); after, same units ${f(scores(bShared).macro)} (${bShared.length}); after, all ${f(scores(b).macro)} (${b.length}); new units only ${f(scores(bNew).macro)} (${bNew.length})`);
  if (part === 'cv') {
    const check = (rows) => rows.filter((r) => rulesStudyPartOf(groupOf.get(r.id)) === 'check');
    console.log(`  check part: before ${f(scores(check(a)).macro)} (${check(a).length}); after, same units ${f(scores(check(bShared)).macro)} (${check(bShared).length})`);
  }
  const pa = scores(a).per, pb = scores(bShared).per;
  console.log(`  ${labels.map((t) => `${t} ${f(pa[t])} -> ${f(pb[t])}`).join(', ')}`);
}
