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
// The corpus files are written with ", " and ": " between fields (as Python's json.dumps
// does) and keep their own choice of raw or \u-escaped non-ASCII characters, so that
// re-running this script changes only the split fields that move.
function serialize(value, escapeNonAscii) {
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v, escapeNonAscii)).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${serialize(k, escapeNonAscii)}: ${serialize(v, escapeNonAscii)}`).join(', ')}}`;
  const json = JSON.stringify(value);
  return escapeNonAscii ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

for (const { file, units } of perFile) {
  const original = readFileSync(file, 'utf8');
  // A file that holds no raw non-ASCII character but does hold \u escapes keeps escaping.
  const escapeNonAscii = !/[^\x00-\x7f]/.test(original) && /\\u[0-9a-fA-F]{4}/.test(original);
  const lines = units.map((u) =>
    serialize({
      id: u.id,
      text: u.text,
      themes: [...u.themes].sort(),
      genre: u.genre,
      group: u.group,
      split: testGroups.has(u.group) ? 'test' : 'train',
      // Real-register units: one group per page, so a page never straddles the split.
      ...(u.source_url ? { source_url: u.source_url, source_kind: u.source_kind } : {}),
    }, escapeNonAscii),
  );
  writeFileSync(file, lines.join('\n') + '\n');
}
console.log(`${all.length} units, ${sizes.size} groups; test: ${inTest} units (${((100 * inTest) / all.length).toFixed(1)}%) in ${testGroups.size} groups`);
