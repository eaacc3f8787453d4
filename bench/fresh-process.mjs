// Measurements that need a fresh Node process each: cold start (import, load, first
// tag), `--help` of the CLI, and peak memory while tagging one long document. Each
// reports wall time and the process's own CPU time: on a shared machine wall time
// follows the machine's load, CPU time follows the work done.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** The V8 flags `practice-themes tag` sets for its own process (TAG_PROCESS_V8_FLAGS, src/commands/tag.ts). */
export const CLI_V8_FLAGS = ['--heap-growing-percent=50', '--no-allocation-site-pretenuring'];

const cpu = 'const cpu=()=>{const u=process.cpuUsage();return (u.user+u.system)/1000;};';

/** Import + load of the default tagger + first tag of one sentence, in a fresh process (ms, wall and CPU). */
export function coldStart(distDir) {
  const url = pathToFileURL(`${distDir}/node.js`).href;
  const script = `${cpu}const c0=cpu(),t0=performance.now();const m=await import(${JSON.stringify(url)});const c1=cpu(),t1=performance.now();const tg=await m.loadDefaultTagger();const c2=cpu(),t2=performance.now();tg.tag('The GP was not told.');const c3=cpu(),t3=performance.now();console.log(JSON.stringify({wall:{importMs:t1-t0,loadMs:t2-t1,firstTagMs:t3-t2},cpu:{importMs:c1-c0,loadMs:c2-c1,firstTagMs:c3-c2}}));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

// Preloaded into the --help process: prints its CPU time (from process start) on exit.
const exitHook = join(tmpdir(), 'practice-themes-bench-cpu-hook.cjs');
writeFileSync(exitHook, "process.on('exit',()=>{const u=process.cpuUsage();require('fs').writeSync(2,'\\nCPU_MS='+(u.user+u.system)/1000+'\\n');});\n");

/** One run of `node dist/cli.js ARGS...` (ms, wall and CPU of the whole process, worker threads included). */
function cliTime(distDir, args) {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--require', exitHook, `${distDir}/cli.js`, ...args], { encoding: 'utf8' });
  const wall = performance.now() - t;
  if (run.status !== 0) throw new Error(`cli.js ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { wall, cpu: Number(/CPU_MS=([\d.]+)/.exec(run.stderr)?.[1] ?? NaN) };
}

/** `node dist/cli.js --help` (ms, wall and CPU of the whole process). */
export function helpTime(distDir) {
  return cliTime(distDir, ['--help']);
}

/** `node dist/cli.js tag FILE` on one small file, its batch worker included: what a user waits for when tagging one review. */
export function tagFileTime(distDir, file) {
  return cliTime(distDir, ['tag', file]);
}

/**
 * Tags one document of `text` in a fresh process and reports its size, the RSS after
 * loading and a warm-up tag (the fixed base), the peak RSS (max RSS) of the run, and
 * the tag() time (wall and CPU, ms). `nodeFlags` are extra V8 flags for that process.
 */
export function longDocumentMemory(distDir, textFile, nodeFlags = []) {
  const url = pathToFileURL(`${distDir}/node.js`).href;
  const script = `${cpu}import { readFileSync } from 'node:fs';const m=await import(${JSON.stringify(url)});const tg=await m.loadDefaultTagger({maxTextLength:Infinity});tg.tag('The GP was not told.');const text=readFileSync(${JSON.stringify(textFile)},'utf8');globalThis.gc?.();const base=process.memoryUsage().rss;const c=cpu(),t=performance.now();const r=tg.tag(text);const ms=performance.now()-t,cpuMs=cpu()-c;console.log(JSON.stringify({chars:text.length,sentences:r.sentences.length,baseRss:base,peakRss:process.resourceUsage().maxRSS*1024,ms,cpuMs}));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', ...nodeFlags, '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}
