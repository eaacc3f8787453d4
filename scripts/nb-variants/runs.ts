// The groups of variants run.ts measures, each one change from the shipped settings (`base`).
import type { Variant } from './nb-variant';
import type { Run } from './run';
export function runsFor(which: string, base: Variant): Run[] {
  const v = (name: string, over: Partial<Variant>, extra: Partial<Run> = {}): Run => ({ name, v: { ...base, ...over }, ...extra });
  switch (which) {
    case 'base': return [v('baseline', {})];
    // Word clusters from word embeddings (clusters.ts); "emb-seeds" other k-means seeds of the best.
    case 'emb': return [v('baseline', {}), ...[256, 1024].flatMap((K) => [false, true].map((bigrams) => v(`clusters K${K}${bigrams ? ' + cluster bigrams' : ''}`, {}, { clusters: { K, bigrams } })))];
    case 'emb-seeds': return [2, 3].map((seed) => v(`clusters K1024 + cluster bigrams, k-means seed ${seed}`, {}, { clusters: { K: 1024, bigrams: true, seed } }));
    // Real units weighted by page kind: press reports (38% of them) count less, or the rest more.
    case 'kinds': return [
      v('baseline', {}),
      v('press weight 1.5', {}, { kindWeights: { press: 1.5 } }),
      v('press weight 1', {}, { kindWeights: { press: 1 } }),
      v('non-press weight 5 (press 3)', { realWeight: 5 }, { kindWeights: { press: 3 } }),
    ];
    case 'curve': return [0.5, 0.75].map((s) => v(`real pages ${s * 100}%`, {}, { realShare: s }));
    case 'a': return [
      v('tf log (counts)', { tf: 'log' }),
      v('tf raw (counts)', { tf: 'raw' }),
      v('binary + l2 norm', { norm: 'l2' }),
      v('tf log + l2 norm', { tf: 'log', norm: 'l2' }),
      v('binary + idf', { idf: true }),
      v('tf log + idf + l2 (Rennie)', { tf: 'log', idf: true, norm: 'l2' }),
      v('binary + idf + l2', { idf: true, norm: 'l2' }),
      v('binary + l1 norm', { norm: 'l1' }),
      v('no length damping', { damp: 'none' }),
    ];
    case 'b': return [
      v('alpha 0.1', { alpha: 0.1 }),
      v('alpha 0.25', { alpha: 0.25 }),
      v('alpha 1', { alpha: 1 }),
      v('minCount 1', { minCount: 1 }),
      v('minCount 3', { minCount: 3 }),
      v('minCount 5', { minCount: 5 }),
      v('unigrams only', {}, { settings: { ngramRange: [1, 1] } }),
      v('n-grams 1-3', {}, { settings: { ngramRange: [1, 3] } }),
      v('written weight 0.5 (real 3)', { writtenWeight: 0.5 }),
      v('real weight 6', { realWeight: 6 }),
      v('gate off', { gate: false }),
      v('gate on unigrams only', { gateUnigramsOnly: true }),
    ];
    case 'c': return [
      v('gate counted on real units only', { gateRealOnly: true }),
      v('n-grams 1-3 + binary idf l2', { idf: true, norm: 'l2' }, { settings: { ngramRange: [1, 3] } }),
      v('alpha 0.25 + n-grams 1-3', { alpha: 0.25 }, { settings: { ngramRange: [1, 3] } }),
      v('binary idf l2 + alpha 0.25', { idf: true, norm: 'l2', alpha: 0.25 }),
      v('real weight 2', { realWeight: 2 }),
      v('stop words dropped', {}, { settings: { stopWords: 'drop' } }),
    ];
    case 'seeds': return [
      v('baseline', {}),
      v('binary + idf + l2', { idf: true, norm: 'l2' }),
      v('tf log + idf + l2 (Rennie)', { tf: 'log', idf: true, norm: 'l2' }),
      v('alpha 0.25', { alpha: 0.25 }),
      v('n-grams 1-3', {}, { settings: { ngramRange: [1, 3] } }),
    ];
    // 2026-12-04, on the grown corpus (4,840 real-register units): conditional theme models and per-theme feature selection.
    case 'cond': return [
      v('baseline', {}),
      v('conditional themes', { conditional: true }),
      v('conditional, gate x theme (plain)', { conditional: true, product: 'plain' }),
      v('conditional, gate x theme (gated)', { conditional: true, product: 'gated' }),
    ];
    case 'select': return [2000, 5000, 10000, 20000].map((k) => v(`chi2 top ${k} per theme`, { selectK: k, selectBy: 'chi2' }));
    case 'cond-extra': return [
      v('information gain top 5000 per theme', { selectK: 5000, selectBy: 'ig' }),
      v('information gain top 20000 per theme', { selectK: 20000, selectBy: 'ig' }),
      v('conditional themes, real weight 2', { conditional: true, realWeight: 2 }),
      v('conditional themes, real weight 6', { conditional: true, realWeight: 6 }),
      v('chi2 on real units, top 5000', { selectK: 5000, selectBy: 'chi2', selectOnReal: true }),
      v('chi2 on real units, top 20000', { selectK: 20000, selectBy: 'chi2', selectOnReal: true }),
    ];
    case 'cond-seeds': return [
      v('baseline', {}),
      v('conditional, gate x theme (gated)', { conditional: true, product: 'gated' }),
      v('chi2 top 20000 per theme', { selectK: 20000, selectBy: 'chi2' }),
      v('information gain top 20000 per theme', { selectK: 20000, selectBy: 'ig' }),
    ];
    default: throw new Error(which);
  }
}
