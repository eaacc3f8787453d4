#!/usr/bin/env node
// Claims a public page for one corpus writer before any unit is written from it.
// Prints OK (and records the claim) or REFUSED with the reason: a page of the
// held-out evaluation sets (../shared/eval/excluded-sources.txt), a page already in
// corpus/real-register.jsonl, a page another writer claimed, or another address of
// the same document (see url-key.mjs). Claims live in HARVEST_DIR/claims.tsv.
//
//   HARVEST_DIR=scratch/harvest node scripts/harvest/claim-page.mjs WRITER URL
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentName, urlKey } from './url-key.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = process.env.HARVEST_DIR ?? join(root, 'scratch', 'harvest');
const excludedFile = join(root, '..', 'shared', 'eval', 'excluded-sources.txt');
const [writer, url] = process.argv.slice(2);
if (!writer || !url) {
  console.log('usage: node scripts/harvest/claim-page.mjs WRITER URL');
  process.exit(2);
}
if (!existsSync(excludedFile)) {
  console.log(`REFUSED: no list of excluded pages at ${excludedFile}; nothing can be claimed without it`);
  process.exit(1);
}
const lines = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) : []);
const excluded = lines(excludedFile);
const used = lines(join(root, 'corpus', 'real-register.jsonl')).map((l) => JSON.parse(l).source_url);
const claims = lines(join(dir, 'claims.tsv')).map((l) => l.split('\t'));
const key = urlKey(url);
const name = documentName(url);
const refuse = (why) => {
  console.log(`REFUSED: ${why}`);
  process.exit(1);
};
for (const e of excluded) {
  if (urlKey(e) === key) refuse('excluded page');
  if (name && documentName(e) === name) refuse(`same document as an excluded page: ${e}`);
}
for (const u of used) {
  if (urlKey(u) === key) refuse('already used in the corpus');
  if (name && documentName(u) === name) refuse(`same document as a page already used: ${u}`);
}
for (const [w, u] of claims) {
  if (urlKey(u) === key) refuse(w === writer ? 'you already claimed it' : 'claimed by another writer');
  if (name && documentName(u) === name) refuse(`same document as a claimed page: ${u}`);
}
mkdirSync(dir, { recursive: true });
appendFileSync(join(dir, 'claims.tsv'), `${writer}\t${url}\n`);
console.log('OK');
