#!/usr/bin/env node
// What a user's install weighs: packs the package (or takes --tarball FILE), installs
// it offline into fresh consumer projects (test/helpers/consumer-install.mjs) and
// prints the packed and unpacked size, the number of packages and the size of
// node_modules for: the plain install (pure API, CLI for text, HTML, CSV, JSON Lines),
// with the optional peers for PDF and DOCX, and the same with --omit=optional.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { installConsumer, packPackage } from '../test/helpers/consumer-install.mjs';

const at = process.argv.indexOf('--tarball');
const tarball = at > 0 ? process.argv[at + 1] : packPackage();

function walk(dir) {
  let bytes = 0;
  let packages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      const inner = walk(path);
      bytes += inner.bytes;
      packages += inner.packages;
    } else {
      bytes += statSync(path).size;
      if (entry.name === 'package.json' && /node_modules[/\\](@[^/\\]+[/\\])?[^/\\]+$/.test(dir)) packages++;
    }
  }
  return { bytes, packages };
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const listing = execFileSync('tar', ['-tvzf', tarball], { encoding: 'utf8' }).trim().split('\n');
const unpacked = listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[2] ?? 0), 0);
console.log(`tarball ${tarball}: ${mb(statSync(tarball).size)} packed, ${mb(unpacked)} unpacked, ${listing.length} files`);
console.log(`${'install'.padEnd(52)} ${'packages'.padStart(8)} ${'node_modules'.padStart(12)}`);
for (const [label, options] of [
  ['npm install practice-themes', {}],
  ['  + pdfjs-dist mammoth (PDF and DOCX)', { extra: ['pdfjs-dist', 'mammoth'] }],
  ['  + pdfjs-dist mammoth, --omit=optional (no canvas)', { extra: ['pdfjs-dist', 'mammoth'], omitOptional: true }],
]) {
  const dir = installConsumer(tarball, options);
  const { bytes, packages } = walk(join(dir, 'node_modules'));
  console.log(`${label.padEnd(52)} ${String(packages).padStart(8)} ${mb(bytes).padStart(12)}`);
  rmSync(dir, { recursive: true, force: true });
}
