import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

// Pretend the package sits where no ../shared/eval/dev.jsonl exists (as in an npm install).
vi.mock('../src/files/package-paths', () => ({
  packageRoot: () => '/nonexistent/practice-themes-root/package',
  defaultModelPath: () => '/nonexistent/practice-themes-root/package/models/default-model.json',
  defaultRulesDir: () => '/nonexistent/practice-themes-root/package/models/rules',
}));

const { runEvalDev, defaultDevSetPath } = await import('../src/commands/eval-dev');

describe('eval-dev without the development set', () => {
  it('says plainly that there is nothing to score, and exits 0 without loading a tagger', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => (out += chunk));
    const code = await runEvalDev([], { stdin: new PassThrough(), stdout, stderr: new PassThrough() });
    expect(code).toBe(0);
    expect(defaultDevSetPath()).toBe('/nonexistent/practice-themes-root/shared/eval/dev.jsonl');
    expect(out).toBe('No development set found at /nonexistent/practice-themes-root/shared/eval/dev.jsonl: nothing was scored.\n');
  });
});
