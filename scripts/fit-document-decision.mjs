#!/usr/bin/env node
// Fits the document decision (src/fuse/document.ts: minShare, minPassages) on whole
// written reviews: each review group of the corpus's training split with at least
// MIN_UNITS units becomes one document, its units paragraphs. A theme is a document
// theme of a review when at least 10% of its units (and at least one) carry it: a
// theme the review returns to, not one passage in passing. Prints the grid, the chosen pair
// (best macro-F1 on training reviews; ties: the larger, stricter pair), and its
// scores on the test-split reviews next to "strongest passage alone".
//
//   node scripts/fit-document-decision.mjs
import { loadDefaultTagger, readCorpus } from '../dist/node.js';
import { documentScore, passagesNeeded } from '../dist/index.js';

const MIN_UNITS = 8;
const SHARES = [0, 0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3];
const PASSAGES = [1, 2, 3];

const units = await readCorpus('corpus');
const tagger = await loadDefaultTagger();
const themes = tagger.themes;

function documents(split) {
  const groups = new Map();
  for (const u of units) if (u.split === split && !u.source_url) (groups.get(u.group) ?? groups.set(u.group, []).get(u.group)).push(u);
  return [...groups.values()]
    .filter((g) => g.length >= MIN_UNITS)
    .map((g) => {
      const need = Math.max(1, 0.1 * g.length);
      const gold = themes.filter((t) => g.filter((u) => u.themes.includes(t)).length >= need);
      const result = tagger.tag(g.map((u) => u.text).join('\n\n'));
      // What the decision needs per theme, read back from the result.
      const stats = Object.fromEntries(themes.map((t) => [t, result.document[t]]));
      return { gold, stats, passages: new Set(result.sentences.map((s) => s.block)).size };
    });
}

// The decision for another (minShare, minPassages), from what the result reports per theme.
function decide(doc, t, minShare, minPassages) {
  const d = doc.stats[t];
  const support = d.passages / passagesNeeded(doc.passages, { minShare, minPassages });
  return documentScore(d.strength, support) >= 0.5;
}

function macro(docs, pick) {
  let sum = 0;
  for (const t of themes) {
    let tp = 0, fp = 0, fn = 0;
    for (const doc of docs) {
      const p = pick(doc, t), g = doc.gold.includes(t);
      if (p && g) tp++; else if (p) fp++; else if (g) fn++;
    }
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / themes.length;
}

const train = documents('train');
const test = documents('test');
console.log(`${train.length} training reviews, ${test.length} test reviews (groups of >= ${MIN_UNITS} written units)`);
let best;
for (const s of SHARES) {
  const row = PASSAGES.map((p) => {
    const f = macro(train, (doc, t) => decide(doc, t, s, p));
    if (!best || f > best.f + 1e-9 || (Math.abs(f - best.f) <= 1e-9 && s * p > best.s * best.p)) best = { s, p, f };
    return f.toFixed(3);
  });
  console.log(`minShare ${String(s).padEnd(5)} minPassages ${PASSAGES.join('/')}: ${row.join(' ')}`);
}
console.log(`chosen: minShare ${best.s}, minPassages ${best.p} (training reviews macro-F1 ${best.f.toFixed(3)})`);
console.log(`test reviews: chosen ${macro(test, (d, t) => decide(d, t, best.s, best.p)).toFixed(3)}, strongest passage alone ${macro(test, (d, t) => d.stats[t].strength >= 0.5).toFixed(3)}`);
