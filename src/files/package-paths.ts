/**
 * Where the package's own data lives (models/, examples/), found from this file's
 * location so it works from dist/ (ESM or CJS, tsup shims import.meta.url) and
 * from src/ under vitest alike.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The package root: the nearest folder above this module holding package.json and models/. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return (cachedRoot = dir);
    dir = resolve(dir, '..');
  }
  throw new Error('practice-themes: cannot find the package root (package.json beside models/)');
}

/** Path of the shipped default model file. */
export function defaultModelPath(): string {
  return join(packageRoot(), 'models', 'default-model.json');
}

/** Folder of the shipped default rule sets. */
export function defaultRulesDir(): string {
  return join(packageRoot(), 'models', 'rules');
}

/** The shipped rule sets compiled by the build (absent when the sources run unbuilt). */
export function precompiledRulesPath(): string {
  return join(packageRoot(), 'dist', 'compiled-rules.json');
}

/** The shipped model's derived tables computed by the build (absent when the sources run unbuilt). */
export function precompiledModelTablesPath(): string {
  return join(packageRoot(), 'dist', 'compiled-model.bin');
}
