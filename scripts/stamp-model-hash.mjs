#!/usr/bin/env node
// Adds (or refreshes) the contentHash of model files you trust: a file written before
// models carried hashes, or one you edited on purpose. It checks everything else
// parseModel checks, then rewrites the file canonically with a fresh hash. Nothing is
// retrained. Usage: npm run build && node scripts/stamp-model-hash.mjs FILE...
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { modelContentHash, parseModel, serializeModel } from '../dist/node.js';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node scripts/stamp-model-hash.mjs MODEL.json...');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  try {
    const model = parseModel(readFileSync(file, 'utf8'), { file, verifyContentHash: false });
    const before = model.contentHash;
    const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
    writeFileSync(tmp, serializeModel(model));
    renameSync(tmp, file);
    const after = modelContentHash(model);
    console.log(`${file}: ${before === after ? 'hash already correct' : `contentHash ${before ?? '(none)'} -> ${after}`}`);
  } catch (error) {
    failed++;
    console.error(error instanceof Error ? error.message : String(error));
  }
}
process.exit(failed ? 1 : 0);
