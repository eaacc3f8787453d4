// The package's entries as a user's bundler and Node see them (after `npm run build`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const dist = (f: string) => new URL(`../dist/${f}`, import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  engines: { node: string };
  sideEffects: boolean;
  files: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const require = createRequire(import.meta.url);

/** Every module a built file imports, following relative imports (shared chunks) through dist/. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(dist(name), 'utf8');
    for (const m of code.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]|^export\s[^'"]*from\s['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('./')) visit(spec.slice(2));
      else found.add(spec);
    }
  };
  visit(file);
  return found;
}

describe('package entries', () => {
  it('the main entry is pure: it imports only zod and wink-nlp (statically, through its chunks), no node:* module', () => {
    expect(existsSync(dist('index.js')), 'run npm run build first').toBe(true);
    expect([...importsOf('index.js')].sort()).toEqual(['wink-nlp', 'zod']);
    const esm = readFileSync(dist('index.js'), 'utf8');
    expect(esm).not.toMatch(/from ['"]node:/);
    expect(esm).not.toMatch(/\bimport\(['"](node:|fs|path)/);
  });

  it('ESM and CommonJS builds expose the same API, and the node entry adds file IO', async () => {
    const esm = await import(dist('index.js').href);
    const cjs = require(dist('index.cjs').pathname);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(typeof esm.createTagger).toBe('function');
    const node = await import(dist('node.js').href);
    expect(typeof node.loadDefaultTagger).toBe('function');
    expect(typeof node.runBatch).toBe('function');
    expect(typeof require(dist('node.cjs').pathname).loadDefaultTagger).toBe('function');
  });

  it.each([
    ['ESM', async () => [await import(dist('index.js').href), await import(dist('node.js').href)]],
    ['CommonJS', async () => [require(dist('index.cjs').pathname), require(dist('node.cjs').pathname)]],
  ])('%s: an error thrown by practice-themes/node is recognised by the guards of practice-themes (one shared error class)', async (_format, load) => {
    const [main, node] = (await load()) as [Record<string, any>, Record<string, any>];
    expect(node.PracticeThemesError).toBe(main.PracticeThemesError);
    const error = await node.loadModel('/nonexistent/practice-themes-model.json').catch((e: unknown) => e);
    expect(main.isPracticeThemesError(error)).toBe(true);
    expect(error).toBeInstanceOf(main.PracticeThemesError);
    const ruleError = await node.loadRuleSet('/nonexistent/rules.json').catch((e: unknown) => e);
    expect(main.isPracticeThemesError(ruleError)).toBe(true);
  });

  it('the CLI bundle does not carry compromise, pdf.js or mammoth: each command and reader is its own chunk', () => {
    const statics = importsOf('cli.js');
    for (const heavy of ['compromise', 'pdfjs-dist', 'mammoth', 'wink-eng-lite-web-model']) {
      expect([...statics].some((s) => s.startsWith(heavy)), heavy).toBe(false);
    }
    // The chunk that imports compromise is reached only through lint-rules.
    const withCompromise = readdirSync(dist('')).filter((f) => f.endsWith('.js') && /from ['"]compromise['"]/.test(readFileSync(dist(f), 'utf8')));
    expect(withCompromise).toHaveLength(1);
    const importers = readdirSync(dist('')).filter((f) => f.endsWith('.js') && readFileSync(dist(f), 'utf8').includes(withCompromise[0]!));
    expect(importers.every((f) => f.startsWith('lint-rules'))).toBe(true);
  });

  it('declares its entries, bin, engines, licence file and side-effect freedom', () => {
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './node']));
    expect(pkg.bin['practice-themes']).toBe('./dist/cli.js');
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toContain('LICENSE');
    expect(readFileSync(new URL('../LICENSE', import.meta.url), 'utf8')).toMatch(/^MIT License/);
    // natural stays out of the runtime dependencies (benchmark and corpus lint only).
    expect(Object.keys(pkg.dependencies)).not.toContain('natural');
  });

  it('uses caret ranges for run-time dependencies, so consumers dedupe (the lockfile pins for CI)', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
      expect(range, name).toMatch(/^\^\d/);
    }
  });

  it('makes the large, path-specific packages optional peers: PDF, DOCX and the linter base-form check', () => {
    for (const name of ['pdfjs-dist', 'mammoth', 'compromise']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.peerDependencies[name], name).toBeDefined();
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
    }
  });

  it('runs nothing on a consumer install (no prepare/install scripts) and ships no source maps', () => {
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[hook], hook).toBeUndefined();
    expect(readdirSync(dist('')).filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
