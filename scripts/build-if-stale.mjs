#!/usr/bin/env node
// Builds dist/ (npm run build) only when it is missing or older than the sources it
// is built from, so `npm run example`, `train`, `lint-rules`, ... start in about a
// second instead of waiting for tsup every time. `--check` only tells: exit 0 when
// dist/ is up to date, 3 when a build is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['src', 'tsup.config.ts', 'package.json', 'tsconfig.json'];
const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/node.js', 'dist/node.cjs', 'dist/cli.js', 'dist/batch-worker.js', 'dist/index.d.cts'];

/** Newest modification time under a file or folder. */
function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

const missing = OUTPUTS.filter((f) => !existsSync(join(root, f)));
const builtAt = missing.length ? 0 : Math.min(...OUTPUTS.map((f) => statSync(join(root, f)).mtimeMs));
const sourcesAt = Math.max(...INPUTS.map((f) => newest(join(root, f))));
const stale = missing.length > 0 || sourcesAt > builtAt;
if (process.argv.includes('--check')) {
  process.stdout.write(stale ? `stale: ${missing.length ? `${missing[0]} is missing` : 'sources changed since the last build'}\n` : 'up to date\n');
  process.exit(stale ? 3 : 0);
}
if (stale) {
  process.stderr.write(`build-if-stale: ${missing.length ? `${missing[0]} is missing` : 'sources changed since the last build'}; building\n`);
  for (const [command, ...args] of [['npx', '--no-install', 'tsup', '--silent'], [process.execPath, 'scripts/write-cts-types.mjs']]) {
    const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
