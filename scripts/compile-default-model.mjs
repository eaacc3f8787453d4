#!/usr/bin/env node
// Computes the shipped model's derived tables ahead of time into dist/compiled-model.bin
// (the format is src/nb/model-tables.ts): the classifier's and the gate's weights and the
// bigram table, which the first tag would otherwise compute (about 40 ms). loadModel
// attaches them to the shipped model when the file's content hash matches; any other
// model computes its own. The build runs this (tsup.config.ts, after the ESM build);
// by hand: node scripts/compile-default-model.mjs
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'compiled-model.bin');
const { precompileModelTables } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const { loadModel } = await import(pathToFileURL(join(root, 'dist', 'node.js')).href);
rmSync(out, { force: true });
const bytes = precompileModelTables(await loadModel(join(root, 'models', 'default-model.json')));
writeFileSync(`${out}.tmp`, bytes);
renameSync(`${out}.tmp`, out);
