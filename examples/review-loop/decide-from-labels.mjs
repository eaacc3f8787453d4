#!/usr/bin/env node
// A simulated reviewer: turns a review queue (.jsonl from `practice-themes review`)
// into decisions JSON Lines, taking each passage's themes from a labelled file
// ({"id","text","themes"} per line, ids as the queue's documents). A real reviewer
// ticks the themes on the review page (--out review.html) and saves the same format.
//
//   node decide-from-labels.mjs queue.jsonl archive.jsonl > decisions.jsonl
import { readFileSync } from 'node:fs';

const [queueFile, labelsFile] = process.argv.slice(2);
if (!queueFile || !labelsFile) {
  console.error('usage: node decide-from-labels.mjs queue.jsonl labels.jsonl > decisions.jsonl');
  process.exit(2);
}
const lines = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const labels = new Map(lines(labelsFile).map((u) => [u.id, u.themes]));
for (const p of lines(queueFile)) {
  const themes = labels.get(p.document);
  if (!themes) throw new Error(`no labels for document ${p.document}`);
  const decision = { id: p.passage, text: p.text, themes, document: p.document, start: p.start, end: p.end, reviewer: 'simulated', date: '2026-12-04' };
  process.stdout.write(JSON.stringify(decision) + '\n');
}
