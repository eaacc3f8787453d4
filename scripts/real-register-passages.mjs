#!/usr/bin/env node
// Passages of the real-register corpus: each page's units, in corpus order, joined K at a
// time into one text whose gold themes are the union of theirs. Real passages (a review's
// paragraph, a brief's section) are longer than corpus units and carry more themes; this
// checks that decisions calibrated on single units hold on such passages.
//
//   node scripts/real-register-passages.mjs --split test --size 3 > /tmp/passages.jsonl
//   node dist/cli.js eval /tmp/passages.jsonl --by source_kind
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { split: { type: 'string', default: 'test' }, size: { type: 'string', default: '3' }, corpus: { type: 'string', default: 'corpus/real-register.jsonl' } } });
const size = Number(values.size);
if (!Number.isInteger(size) || size < 1) throw new Error(`--size: expected a whole number >= 1, got ${values.size}`);
const units = readFileSync(values.corpus, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((u) => u.split === values.split);
const byPage = new Map();
for (const u of units) {
  if (!byPage.has(u.group)) byPage.set(u.group, []);
  byPage.get(u.group).push(u);
}
for (const [group, pageUnits] of byPage) {
  for (let i = 0; i < pageUnits.length; i += size) {
    const part = pageUnits.slice(i, i + size);
    // A page's last, shorter piece is kept only when the page has no full one.
    if (part.length < size && pageUnits.length >= size) continue;
    const themes = [...new Set(part.flatMap((u) => u.themes))].sort();
    process.stdout.write(`${JSON.stringify({ id: part.map((u) => u.id).join('+'), text: part.map((u) => u.text).join(' '), themes, group, source_kind: part[0].source_kind })}\n`);
  }
}
