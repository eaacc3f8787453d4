#!/usr/bin/env node
// Corpus counts, balance against the promised minimums, and near-duplicates.
// Uses the built library (dist/) and natural's Dice coefficient (a dev dependency).
import { readCorpus, corpusStats, balanceProblems, findNearDuplicates } from '../dist/node.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Deep import: natural's index pulls in database drivers we do not want.
const dice = require('natural/lib/natural/distance/dice_coefficient.js');

const dir = process.argv[2] ?? 'corpus';
const units = await readCorpus(dir);
const stats = corpusStats(units);
const themes = Object.keys(stats.perTheme);
const pct = (n) => `${((100 * n) / stats.units).toFixed(1)}%`;
console.log(`units ${stats.units}, groups ${stats.groups}`);
console.log(`no theme ${stats.noTheme} (${pct(stats.noTheme)}), two or more themes ${stats.multiTheme} (${pct(stats.multiTheme)})`);
console.log('\nper theme (all / train / test)');
for (const t of themes) console.log(`  ${t.padEnd(22)} ${String(stats.perTheme[t]).padStart(5)} ${String(stats.perThemeBySplit[t]?.train ?? 0).padStart(6)} ${String(stats.perThemeBySplit[t]?.test ?? 0).padStart(5)}`);
console.log('\nper genre');
for (const [g, n] of Object.entries(stats.perGenre)) console.log(`  ${g.padEnd(22)} ${String(n).padStart(5)}`);
console.log('\nper split');
for (const [s, n] of Object.entries(stats.perSplit)) console.log(`  ${s.padEnd(22)} ${String(n).padStart(5)} (${pct(n)})`);
const dupes = findNearDuplicates(units, { similarity: dice, threshold: 0.85 });
console.log(`\nnear-duplicates (Dice >= 0.85): ${dupes.length}`);
for (const d of dupes.slice(0, 20)) console.log(`  ${d.a} ~ ${d.b} (${d.similarity.toFixed(2)})`);
const problems = balanceProblems(stats, themes);
console.log(problems.length ? `\nbalance problems:\n  ${problems.join('\n  ')}` : '\nbalance: meets the minimums');
process.exitCode = problems.length || dupes.length ? 1 : 0;
