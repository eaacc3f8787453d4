#!/usr/bin/env node
// Writes dist/*.d.cts (the CommonJS type declarations) from dist/*.d.ts after tsup.
// The two differ only in the extension of the files they import from each other, so
// one declaration build serves both formats.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const declarations = readdirSync(dist).filter((f) => f.endsWith('.d.ts'));
if (declarations.length === 0) throw new Error('write-cts-types: no dist/*.d.ts: run tsup first');
for (const file of declarations) {
  const text = readFileSync(new URL(file, dist), 'utf8').replace(/(from ['"]\.\/[^'"]+)\.js(['"])/g, '$1.cjs$2');
  writeFileSync(new URL(file.replace(/\.d\.ts$/, '.d.cts'), dist), text);
}
