#!/usr/bin/env node
// Provenance check, not a measurement: lists corpus units that share runs of N words
// (default 5) with a passage of the real-case development set (../shared/eval/dev.jsonl),
// most shared runs first, with both source addresses, so a reviewer can tell a copy of
// the same document (drop the page) from shared statutory wording or a date. It reads
// the development set and changes nothing; without ../shared it says so and exits 0.
//
//   node scripts/check-dev-overlap.mjs [--n 5] [--min 3] [--dev PATH]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { n: { type: 'string', default: '5' }, min: { type: 'string', default: '3' }, dev: { type: 'string', default: join(root, '..', 'shared', 'eval', 'dev.jsonl') } } });
const n = Number(values.n);
const min = Number(values.min);
if (!existsSync(values.dev)) {
  console.log(`no development set at ${values.dev}: nothing to check`);
  process.exit(0);
}

const jsonl = (file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
const runs = (text) => {
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const out = new Set();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
};

const dev = jsonl(values.dev).map((d) => ({ id: d.id, url: d.source_url ?? '', runs: runs(d.text) }));
const units = ['units.jsonl', 'real-register.jsonl'].flatMap((file) => jsonl(join(root, 'corpus', file)));
const found = [];
for (const unit of units) {
  const own = runs(unit.text);
  for (const d of dev) {
    let shared = 0;
    for (const run of own) if (d.runs.has(run)) shared++;
    if (shared >= min) found.push({ shared, unit: unit.id, dev: d.id, unitSource: unit.source_url ?? unit.group, devSource: d.url });
  }
}
found.sort((a, b) => b.shared - a.shared || a.unit.localeCompare(b.unit));
for (const f of found) console.log(`${f.shared}\t${f.unit}\t${f.dev}\t${f.unitSource}\t${f.devSource}`);
console.log(`${found.length} unit/passage pairs share ${min} or more runs of ${n} words (${units.length} units, ${dev.length} passages)`);
