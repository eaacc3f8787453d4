// Installs the packed package into a fresh consumer project, as a user's `npm install`
// would, but offline: the consumer's lockfile is derived from this repository's
// package-lock.json (same versions, same integrity hashes), so `npm ci --offline`
// takes every dependency from the npm cache that `npm ci` here filled. Plain
// JavaScript so the install-size benchmark can use it too.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** `npm pack` of the repository as it is (dist/ must be built); returns the tarball path. */
export function packPackage(destination = mkdtempSync(join(tmpdir(), 'pt-pack-'))) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [{ filename }] = JSON.parse(out);
  return join(destination, basename(filename));
}

/**
 * A consumer project in a new temporary folder with the tarball installed offline.
 * `extra` names further packages to install beside it (their versions from this
 * repository's lockfile, e.g. the optional peers pdfjs-dist and mammoth, or @types/node);
 * `omitOptional` installs as `npm ci --omit=optional` does (no native canvas for pdf.js).
 */
export function installConsumer(tarball, { extra = [], omitOptional = false, dir = mkdtempSync(join(tmpdir(), 'pt-consumer-')) } = {}) {
  mkdirSync(dir, { recursive: true });
  const repoLock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
  const packed = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  const tarballName = basename(tarball);
  writeFileSync(join(dir, tarballName), readFileSync(tarball));
  const dependencies = { 'practice-themes': `file:${tarballName}` };
  for (const name of extra) dependencies[name] = locate(repoLock, '', name).entry.version;
  const manifest = { name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));

  const packages = {
    '': { name: manifest.name, version: manifest.version, dependencies },
    'node_modules/practice-themes': {
      version: packed.version,
      resolved: `file:${tarballName}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: packed.license,
      dependencies: packed.dependencies,
      ...(packed.bin ? { bin: packed.bin } : {}),
      ...(packed.engines ? { engines: packed.engines } : {}),
      ...(packed.peerDependencies ? { peerDependencies: packed.peerDependencies, peerDependenciesMeta: packed.peerDependenciesMeta } : {}),
    },
  };
  const visit = (from, name, optional) => {
    const found = locate(repoLock, from, name, optional);
    if (!found || packages[found.path]) return;
    const { dev: _d, devOptional: _o, peer: _p, ...entry } = found.entry;
    // This repository's lockfile leaves out registry URLs; npm ci --offline needs them to find the cached tarballs.
    const packageName = found.path.slice(found.path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    entry.resolved ??= `https://registry.npmjs.org/${packageName}/-/${packageName.split('/').pop()}-${entry.version}.tgz`;
    packages[found.path] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(found.path, dep, false);
    // Optional ones stay in the lockfile even when omitted: npm ci checks the lockfile against the manifests.
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(found.path, dep, true);
    for (const [dep] of Object.entries(entry.peerDependencies ?? {}).filter(([d]) => !entry.peerDependenciesMeta?.[d]?.optional)) visit(found.path, dep, false);
  };
  for (const dep of Object.keys(packed.dependencies ?? {})) visit('', dep, false);
  for (const name of extra) visit('', name, false);
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages }, null, 2));

  const args = ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...(omitOptional ? ['--omit=optional'] : [])];
  execFileSync('npm', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return dir;
}

/** Where node would find `name` from lock path `from`, in the repository's lockfile. */
function locate(lock, from, name, optional = false) {
  for (let at = from; ; ) {
    const path = `${at ? `${at}/` : ''}node_modules/${name}`;
    if (lock.packages[path]) return { path, entry: lock.packages[path] };
    if (!at) break;
    const cut = at.lastIndexOf('/node_modules/');
    at = cut < 0 ? '' : at.slice(0, cut);
  }
  if (optional) return undefined;
  throw new Error(`consumer-install: ${name} (needed from ${from || 'the root'}) is not in package-lock.json`);
}
