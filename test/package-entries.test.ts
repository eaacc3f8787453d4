// The package's entries as a user's bundler and Node see them (after `npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const dist = (f: string) => new URL(`../dist/${f}`, import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  engines: { node: string };
  sideEffects: boolean;
  dependencies: Record<string, string>;
};

describe('package entries', () => {
  it('the main entry is pure: it imports only zod and wink-nlp, no node:* module', () => {
    expect(existsSync(dist('index.js')), 'run npm run build first').toBe(true);
    const esm = readFileSync(dist('index.js'), 'utf8');
    const imports = [...esm.matchAll(/^import .* from ['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['wink-nlp', 'zod']);
    expect(esm).not.toMatch(/from ['"]node:/);
    expect(esm).not.toMatch(/\bimport\(['"](node:|fs|path)/);
  });

  it('ESM and CommonJS builds expose the same API, and the node entry adds file IO', async () => {
    const esm = await import(dist('index.js').href);
    const cjs = createRequire(import.meta.url)(dist('index.cjs').pathname);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(typeof esm.createTagger).toBe('function');
    const node = await import(dist('node.js').href);
    expect(typeof node.loadDefaultTagger).toBe('function');
    expect(typeof node.runBatch).toBe('function');
    expect(typeof createRequire(import.meta.url)(dist('node.cjs').pathname).loadDefaultTagger).toBe('function');
  });

  it('declares its entries, bin, engines and side-effect freedom', () => {
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './node']));
    expect(pkg.bin['practice-themes']).toBe('./dist/cli.js');
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.sideEffects).toBe(false);
    // natural stays out of the runtime dependencies (benchmark and corpus lint only).
    expect(Object.keys(pkg.dependencies)).not.toContain('natural');
  });
});
