import { defineConfig } from 'tsup';
import pkg from './package.json' with { type: 'json' };

// Two library entries (pure core, Node IO) in ESM and CJS with .d.ts, plus the CLI
// and the batch worker as ESM-only executables.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli.ts', 'batch-worker': 'src/io/batch-worker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  },
]);
