#!/usr/bin/env node
// Checks one writer's new real-register units before they join the corpus:
// HARVEST_DIR/WRITER.jsonl, one {id, text, themes, genre, source_url, source_kind} per
// line. Every field must be valid, every page claimed by this writer, and no unit may
// share a run of 8 or more words with the page text its writer saw (saved as
// HARVEST_DIR/pages/*.txt, first line `URL: <address>`, the rest the page's text). The
// page texts are working files only: they never enter the repository.
//
//   HARVEST_DIR=scratch/harvest node scripts/harvest/check-units.mjs WRITER
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { urlKey } from './url-key.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = process.env.HARVEST_DIR ?? join(root, 'scratch', 'harvest');
const writer = process.argv[2];
if (!writer) {
  console.log('usage: node scripts/harvest/check-units.mjs WRITER');
  process.exit(2);
}
// The shipped model's themes (not written into the tool), and the genres and kinds of page the corpus card describes.
const THEMES = JSON.parse(readFileSync(join(root, 'models', 'default-model.json'), 'utf8')).labels;
const GENRES = ['method', 'overview-findings', 'learning-brief', 'press-report', 'chronology', 'panel-analysis', 'recommendation', 'statistics', 'agency-practice', 'executive-summary', 'rapid-review'];
const KINDS = ['other', 'press', 'inspection', 'scr', 'partnership', 'analysis', 'lcspr', 'executive-summary', 'learning-brief', 'nspcc-summary', 'panel', 'rapid-review', 'seven-minute-briefing'];
const RUN = 8;
const words = (text) => text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9']+/g) ?? [];
const runs = (list) => {
  const out = new Set();
  for (let i = 0; i + RUN <= list.length; i++) out.add(list.slice(i, i + RUN).join(' '));
  return out;
};
const pages = new Map();
for (const f of existsSync(join(dir, 'pages')) ? readdirSync(join(dir, 'pages')) : []) {
  const text = readFileSync(join(dir, 'pages', f), 'utf8');
  const m = text.match(/^URL:\s*(\S+)/);
  if (m) pages.set(urlKey(m[1]), runs(words(text.replace(/^URL:.*\n/, ''))));
}
const claimsFile = join(dir, 'claims.tsv');
const claims = existsSync(claimsFile) ? readFileSync(claimsFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')) : [];
const mine = new Set(claims.filter(([w]) => w === writer).map(([, u]) => urlKey(u)));
const lines = readFileSync(join(dir, `${writer}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
let problems = 0;
const ids = new Set();
const perPage = new Map();
const units = [];
const say = (n, message) => {
  problems++;
  console.log(`line ${n}: ${message}`);
};
lines.forEach((line, i) => {
  const n = i + 1;
  let u;
  try {
    u = JSON.parse(line);
  } catch {
    return say(n, 'not valid JSON');
  }
  units.push(u);
  for (const k of ['id', 'text', 'themes', 'genre', 'source_url', 'source_kind']) if (!(k in u)) say(n, `missing field ${k}`);
  if (ids.has(u.id)) say(n, `duplicate id ${u.id}`);
  ids.add(u.id);
  if (!Array.isArray(u.themes) || u.themes.some((t) => !THEMES.includes(t))) say(n, `bad themes ${JSON.stringify(u.themes)}`);
  else if (JSON.stringify([...u.themes].sort()) !== JSON.stringify(u.themes) || new Set(u.themes).size !== u.themes.length) say(n, 'themes must be sorted and unique');
  if (!GENRES.includes(u.genre)) say(n, `bad genre ${u.genre}`);
  if (!KINDS.includes(u.source_kind)) say(n, `bad source_kind ${u.source_kind}`);
  const key = urlKey(u.source_url ?? '');
  if (!mine.has(key)) say(n, `source_url not claimed by ${writer}: ${u.source_url}`);
  const page = pages.get(key);
  if (!page) say(n, `no page text saved in pages/ for ${u.source_url}`);
  else {
    const shared = [...runs(words(u.text ?? ''))].filter((r) => page.has(r));
    if (shared.length) say(n, `${u.id} shares a run of ${RUN} words with its page: "${shared[0]}" (reword it)`);
  }
  const count = words(u.text ?? '').length;
  if (count < 6 || count > 90) say(n, `${u.id} has ${count} words (6-90)`);
  perPage.set(key, (perPage.get(key) ?? 0) + 1);
});
console.log(`${writer}: ${lines.length} units from ${perPage.size} pages; no theme ${units.filter((u) => u.themes?.length === 0).length}; problems ${problems}`);
process.exit(problems ? 1 : 0);
