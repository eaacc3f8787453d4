import { spawnSync } from 'node:child_process';
import { defineConfig } from 'tsup';
import pkg from './package.json' with { type: 'json' };

// ESM: the two library entries, the CLI and the batch worker in one build with code
// splitting, so they share one copy of every module. That matters twice over: an
// error thrown by 'practice-themes/node' (or in a batch worker) is an instance of the
// class the main entry exports, so isPracticeThemesError works across entries; and
// what the CLI imports lazily (each command, pdf.js, compromise for lint-rules) stays
// in its own chunk instead of being hoisted into cli.js, so `--help` starts fast.
// CJS: the two library entries, also split, so they share the error classes too.
// Type declarations are built once, for ESM; scripts/write-cts-types.mjs derives the
// .d.cts files from them (tsup would run the whole declaration build a second time).
// No source maps: the output is readable, unminified JavaScript, and maps with full
// sources were most of the package's size.
const shared = {
  target: 'node20',
  splitting: true,
  treeshake: true,
  sourcemap: false,
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
} as const;

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', node: 'src/node.ts', cli: 'src/bin.ts', 'batch-worker': 'src/io/batch/batch-worker.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', node: 'src/node.ts' } },
    clean: true,
    // Then the shipped rule sets are compiled ahead of time with the fresh build
    // (dist/compiled-rules.json), and the shipped model's weight tables computed
    // (dist/compiled-model.bin), so the default tagger's first tag need not do either.
    onSuccess: async () => {
      for (const script of ['scripts/compile-default-rules.mjs', 'scripts/compile-default-model.mjs']) {
        const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
        if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status})`);
      }
    },
  },
  {
    ...shared,
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['cjs'],
    dts: false,
    clean: false,
  },
]);
