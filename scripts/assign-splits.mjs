#!/usr/bin/env node
// Assigns each corpus unit's split by its group, so no fictional review (and no
// public page, for real-register units) straddles train and test. Deterministic
// and stable: a group is in the test split when the hash of its name falls in the
// lowest 20% of the hash range, so adding new groups never moves an existing one. Rewrites the files given (or every corpus/*.jsonl)
// in place, keeping line order.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TEST_SHARE = 0.2;
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('corpus').filter((n) => n.endsWith('.jsonl')).sort().map((n) => join('corpus', n));

const perFile = files.map((file) => ({ file, units: readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) }));
const all = perFile.flatMap((f) => f.units);
const sizes = new Map();
for (const u of all) sizes.set(u.group, (sizes.get(u.group) ?? 0) + 1);
const bucket = (g) => parseInt(createHash('sha256').update(`practice-themes-split:${g}`).digest('hex').slice(0, 8), 16) / 0x100000000;
const testGroups = new Set([...sizes.keys()].filter((g) => bucket(g) < TEST_SHARE));
const inTest = [...testGroups].reduce((n, g) => n + sizes.get(g), 0);
for (const { file, units } of perFile) {
  const lines = units.map((u) =>
    JSON.stringify({
      id: u.id,
      text: u.text,
      themes: [...u.themes].sort(),
      genre: u.genre,
      group: u.group,
      split: testGroups.has(u.group) ? 'test' : 'train',
      // Real-register units: one group per page, so a page never straddles the split.
      ...(u.source_url ? { source_url: u.source_url, source_kind: u.source_kind } : {}),
    }),
  );
  writeFileSync(file, lines.join('\n') + '\n');
}
console.log(`${all.length} units, ${sizes.size} groups; test: ${inTest} units (${((100 * inTest) / all.length).toFixed(1)}%) in ${testGroups.size} groups`);
