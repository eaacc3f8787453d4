// Which Python the notebook and scikit-learn tests use: the researcher's own first
// ($PYTHON, then python3 on PATH: a venv or conda environment), Debian's
// /usr/bin/python3 as the fallback. The same order as scripts/run-notebook.sh.
import { spawnSync } from 'node:child_process';

/** The first Python, in that order, that imports every module named; undefined when none does. */
export function findPython(modules: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const imports = `import ${modules.join(', ')}`;
  const works = (python: string) => spawnSync(python, ['-c', imports], { encoding: 'utf8', env }).status === 0;
  // An explicit $PYTHON is used as given, never replaced by another one.
  if (env.PYTHON) return works(env.PYTHON) ? env.PYTHON : undefined;
  const onPath = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8', env }).stdout.trim();
  return [onPath, '/usr/bin/python3'].find((python) => python !== '' && works(python));
}
