// Executes examples/evaluate.ipynb headlessly (scripts/run-notebook.sh, nbconvert from
// Debian's packages). Where the notebook tools are missing it skips with a message,
// except in CI (CI=true), where .ci/run installs them and a skip would hide a failure.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const toolsPresent = spawnSync('/usr/bin/python3', ['-c', 'import nbconvert, ipykernel, pandas, matplotlib'], { encoding: 'utf8' }).status === 0;
const required = process.env.CI === 'true';

describe('examples/evaluate.ipynb', () => {
  it.runIf(toolsPresent || required)('executes headlessly without a cell error and draws a chart', () => {
    const r = spawnSync('bash', ['scripts/run-notebook.sh'], { cwd: root, encoding: 'utf8', env: { ...process.env, SKIP_BUILD: '1' } });
    expect(r.stderr + r.stdout).toMatch(/executed examples\/evaluate\.ipynb/);
    expect(r.status).toBe(0);
  }, 300_000);

  it.runIf(!toolsPresent && !required)('is skipped: jupyter nbconvert/pandas missing (run scripts/install-notebook-deps.sh as root)', () => {
    expect(toolsPresent).toBe(false);
  });
});
