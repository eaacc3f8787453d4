#!/usr/bin/env node
// Pools runs of bench/review-simulation.mjs (their --json files) into one table per
// scenario: each fold of each run is one archive, and the queue's difference from random
// is taken per archive (queue minus that archive's mean over random seeds), as the
// simulation does. Runs with different --partition seeds draw different archives, so
// pooling them gives more archives than one run's folds, though archives of different
// partitions share pages and are not independent of each other.
//
//   node bench/review-simulation-pool.mjs RUN.json... [--strategy queue]
//
// Prints, per scenario and round: random's and the strategy's mean gain over the base
// model, the mean difference with a 95% t interval over archives, how many archives the
// strategy is ahead in with a two-sided sign test, and the share of (archive, seed) pairs
// it beats (ties count half).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { strategy: { type: 'string', default: 'queue' } } });
if (positionals.length === 0) {
  console.error('usage: node bench/review-simulation-pool.mjs RUN.json... [--strategy queue]');
  process.exit(2);
}

const runs = positionals.map((file) => ({ file, ...JSON.parse(readFileSync(file, 'utf8')) }));
const scenarioOf = (run) => (run.scenario === 'cold' ? `cold, ${run.baseSize} base` : run.scenario);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

// Two-sided sign test: the chance of a split at least this uneven if ahead and behind were equally likely.
function signTest(ahead, n) {
  const k = Math.min(ahead, n - ahead);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += binomial(n, i);
  return Math.min(1, (2 * tail) / 2 ** n);
}
function binomial(n, k) {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
// Student t quantile for a 95% two-sided interval (table for small n, normal beyond).
function t975(df) {
  const table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086];
  return df <= table.length ? table[df - 1] : df <= 30 ? 2.06 : 1.96;
}
const signed = (x) => `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(3)}`;

const byScenario = new Map();
for (const run of runs) {
  const key = scenarioOf(run);
  if (!byScenario.has(key)) byScenario.set(key, []);
  byScenario.get(key).push(run);
}

console.log(`strategy ${values.strategy} against random; one archive = one fold of one run`);
console.log('scenario          round  reviewed  archives  random gain  strategy gain  diff [95% t interval]      ahead   sign p   beats');
for (const [scenario, list] of byScenario) {
  const rounds = Object.keys(list[0].perFold[0].random[0]).filter((r) => r !== '0');
  for (const round of rounds) {
    const diffs = [];
    const randomGains = [];
    const strategyGains = [];
    let beats = 0;
    let pairs = 0;
    for (const run of list) {
      for (const fold of run.perFold) {
        const strategy = fold.strategies[values.strategy];
        if (!strategy) throw new Error(`${run.file}: no strategy "${values.strategy}"`);
        const base = fold.random[0]['0'].macro;
        const random = fold.random.map((seed) => seed[round].macro);
        const score = strategy[round].macro;
        diffs.push(score - mean(random));
        randomGains.push(mean(random) - base);
        strategyGains.push(score - base);
        for (const r of random) beats += score > r ? 1 : score === r ? 0.5 : 0;
        pairs += random.length;
      }
    }
    const n = diffs.length;
    const m = mean(diffs);
    const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - m) ** 2, 0) / (n - 1));
    const half = (t975(n - 1) * sd) / Math.sqrt(n);
    const ahead = diffs.filter((d) => d > 0).length;
    const reviewed = Number(round) * list[0].perRound;
    console.log(
      `${scenario.padEnd(16)}  ${round.padStart(5)}  ${String(reviewed).padStart(8)}  ${String(n).padStart(8)}  ${signed(mean(randomGains)).padStart(11)}  ${signed(mean(strategyGains)).padStart(13)}  ${signed(m)} [${signed(m - half)}, ${signed(m + half)}]  ${`${ahead}/${n}`.padStart(6)}  ${signTest(ahead, n).toFixed(3).padStart(7)}  ${`${Math.round((100 * beats) / pairs)}%`.padStart(6)}`,
    );
  }
}
console.log(`runs: ${runs.map((r) => `${r.file} (${scenarioOf(r)}, partition ${r.partition ?? 'original'}, ${r.perFold.length} folds, ${r.seeds} seeds)`).join('; ')}`);
