// Measurements that need a fresh Node process each: cold start (import, load, first
// tag), `--help` of the CLI, and peak memory while tagging one long document.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** Import + load of the default tagger + first tag of one sentence, in a fresh process (wall ms). */
export function coldStart(distDir) {
  const url = pathToFileURL(`${distDir}/node.js`).href;
  const script = `const t0=performance.now();const m=await import(${JSON.stringify(url)});const t1=performance.now();const tg=await m.loadDefaultTagger();const t2=performance.now();tg.tag('The GP was not told.');const t3=performance.now();console.log(JSON.stringify({importMs:t1-t0,loadMs:t2-t1,firstTagMs:t3-t2}));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** Wall time of `node dist/cli.js --help` (ms). */
export function helpTime(distDir) {
  const t = performance.now();
  execFileSync(process.execPath, [`${distDir}/cli.js`, '--help'], { stdio: 'ignore' });
  return performance.now() - t;
}

/**
 * Tags one document of `text` in a fresh process and reports its size, the RSS after
 * loading and a warm-up tag (the fixed base), and the peak RSS (max RSS) of the run.
 */
export function longDocumentMemory(distDir, textFile) {
  const url = pathToFileURL(`${distDir}/node.js`).href;
  const script = `import { readFileSync } from 'node:fs';const m=await import(${JSON.stringify(url)});const tg=await m.loadDefaultTagger();tg.tag('The GP was not told.');const text=readFileSync(${JSON.stringify(textFile)},'utf8');globalThis.gc?.();const base=process.memoryUsage().rss;const t=performance.now();const r=tg.tag(text);const ms=performance.now()-t;console.log(JSON.stringify({chars:text.length,sentences:r.sentences.length,baseRss:base,peakRss:process.resourceUsage().maxRSS*1024,ms}));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}
