// The npm scripts that run a command (example, train, lint-rules, ...) build dist/ only
// when a source changed since the last build, instead of running tsup every time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const copy = mkdtempSync(join(tmpdir(), 'pt-stale-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const OUTPUTS = ['index.js', 'index.cjs', 'node.js', 'node.cjs', 'cli.js', 'batch-worker.js', 'index.d.cts'];
function touch(relative: string, secondsAgo: number) {
  const path = join(copy, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, at, at);
}
const check = () => spawnSync(process.execPath, [join(copy, 'scripts', 'build-if-stale.mjs'), '--check'], { encoding: 'utf8' });

describe('scripts/build-if-stale.mjs', () => {
  it.each(['example', 'train', 'lint-rules', 'eval:dev', 'bench', 'schemas'])('npm run %s builds only when stale, never with a bare tsup', (name) => {
    expect(scripts[name]).toMatch(/^node scripts\/build-if-stale\.mjs && /);
    expect(scripts[name]).not.toMatch(/\btsup\b/);
  });

  it('tells up to date from stale: a source newer than the build, or a missing output', () => {
    mkdirSync(join(copy, 'scripts'), { recursive: true });
    copyFileSync(join(ROOT, 'scripts', 'build-if-stale.mjs'), join(copy, 'scripts', 'build-if-stale.mjs'));
    for (const f of ['src/tagger.ts', 'src/io/index.ts', 'tsup.config.ts', 'package.json', 'tsconfig.json']) touch(f, 120);
    utimesSync(join(copy, 'src', 'io'), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    utimesSync(join(copy, 'src'), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    for (const f of OUTPUTS) touch(`dist/${f}`, 60);
    expect(check().stdout).toBe('up to date\n');
    expect(check().status).toBe(0);

    touch('src/io/index.ts', 0);
    expect(check().status).toBe(3);
    expect(check().stdout).toMatch(/stale: sources changed/);

    for (const f of OUTPUTS) touch(`dist/${f}`, -5);
    expect(check().status).toBe(0);
    unlinkSync(join(copy, 'dist', 'cli.js'));
    expect(check().stdout).toMatch(/stale: dist\/cli\.js is missing/);
  });
});
