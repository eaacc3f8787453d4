// Executes examples/evaluate.ipynb headlessly (scripts/run-notebook.sh, nbconvert) with the
// Python that has the notebook packages: $PYTHON, python3 on PATH (a venv or conda
// environment) or Debian's. Where none has them it skips with a message, except in CI
// (CI=true), where .ci/run installs them and a skip would hide a failure.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPython } from './helpers/python';

const root = new URL('..', import.meta.url).pathname;
const toolsPresent = findPython(['nbconvert', 'ipykernel', 'pandas', 'matplotlib']) !== undefined;
const required = process.env.CI === 'true';

// A stand-in python3 that "has" every package (exits 0 for the import check).
const fakes = mkdtempSync(join(tmpdir(), 'pt-python-'));
const fake = join(fakes, 'python3');
writeFileSync(fake, '#!/bin/sh\nexit 0\n');
chmodSync(fake, 0o755);
afterAll(() => rmSync(fakes, { recursive: true, force: true }));

const notebookScript = (args: readonly string[], env: NodeJS.ProcessEnv) =>
  spawnSync('bash', ['scripts/run-notebook.sh', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SKIP_BUILD: '1', ...env } });

describe('scripts/run-notebook.sh picks the researcher\'s Python', () => {
  it('python3 on PATH (a venv or conda environment) before Debian\'s', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${fakes}:${process.env.PATH}` };
    delete env.PYTHON;
    const r = spawnSync('bash', ['scripts/run-notebook.sh', '--which-python'], { cwd: root, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(fake);
    expect(findPython(['pandas'], env)).toBe(fake);
  });

  it('$PYTHON as given, and a clear error when it lacks the packages', () => {
    expect(notebookScript(['--which-python'], { PYTHON: fake }).stdout.trim()).toBe(fake);
    const missing = notebookScript(['--which-python'], { PYTHON: '/bin/false' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/\/bin\/false lacks nbconvert.*PYTHON/);
    expect(findPython(['pandas'], { ...process.env, PYTHON: '/bin/false' })).toBeUndefined();
  });
});

describe('examples/evaluate.ipynb', () => {
  it.runIf(toolsPresent || required)('executes headlessly without a cell error and draws a chart', () => {
    const r = notebookScript([], {});
    expect(r.stderr + r.stdout).toMatch(/executed examples\/evaluate\.ipynb/);
    expect(r.status).toBe(0);
  }, 300_000);

  it.runIf(!toolsPresent && !required)('is skipped: no Python with nbconvert/pandas (set PYTHON, or run scripts/install-notebook-deps.sh as root)', () => {
    expect(toolsPresent).toBe(false);
  });
});
