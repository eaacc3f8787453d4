// A configurable re-implementation of trainModel's pipeline for experiments: counts (with
// optional sublinear tf, IDF, per-unit length normalisation, Rennie et al. 2003) -> weights ->
// grouped out-of-fold log-odds -> Platt scaling on the real-register units -> fused thresholds
// and gate (the library's own fitPlatt and fitFusion). With the shipped settings it gives the
// shipped model's out-of-fold figures. Predictions are per unit: the unit's probability fused
// with its rule strength and gated, as the trainer fits them (the tagger scores sentences and
// paragraphs, then decides per document; for one passage the two agree closely).
import { fitPlatt } from '../../src/nb/calibration';
import { fitFusion } from '../../src/nb/fused-thresholds';
import { assignGroupedFolds } from '../../src/nb/folds';
import { logistic } from '../../src/nb/logistic';
import { fuseTheme } from '../../src/fuse/fuse';

export interface Variant {
  alpha: number;
  tf: 'binary' | 'raw' | 'log';
  idf: boolean;
  norm: 'none' | 'l2' | 'l1';
  damp: 'sqrt' | 'none';
  minCount: number;
  realWeight: number;
  writtenWeight: number;
  gate: boolean;
  /** The gate scores unigrams only. */
  gateUnigramsOnly?: boolean;
  /** The gate is counted on real-register units only. */
  gateRealOnly?: boolean;
  /**
   * Conditional theme models: each theme is counted only on examples carrying at least one
   * theme (practice statements), so it learns theme against other themes; the gate alone
   * learns practice against narrative. Calibration and thresholds still use all calibration
   * examples (unless `product`).
   */
  conditional?: boolean;
  /**
   * With `conditional`: each theme's probability is the calibrated gate probability times the
   * theme's conditional probability (Platt-scaled on the practice calibration examples only),
   * thresholds fitted on that product. `plain`: no gate scaling on top; `gated`: the gate
   * also scales the fused score as usual.
   */
  product?: 'plain' | 'gated';
  /** Per-theme feature selection: keep the top `k` features by `selectBy` for each theme (the gate keeps all). */
  selectK?: number;
  selectBy?: 'chi2' | 'ig';
  /** Rank features for selection on the real-register units only (weighted as in training). */
  selectOnReal?: boolean;
}

export interface Example {
  ids: Int32Array; // feature occurrences (interned)
  has: boolean[]; // per label
  real: boolean;
  group: string;
  rules: number[];
  /** Counting weight instead of the variant's realWeight / writtenWeight (run.ts `kindWeights`). */
  weight?: number;
}

interface Trained {
  vocabRow: Int32Array; // id -> row or -1
  idf: Float64Array; // per row
  weights: Float64Array; // row * L1 + l
  bias: Float64Array;
  ref: number;
  L1: number;
}

/** Per-example transformed feature vector: rows and values. */
function vectorOf(v: Variant, e: Example, t: { vocabRow: Int32Array; idf: Float64Array | null }): { rows: number[]; values: number[]; n: number } {
  const counts = new Map<number, number>();
  let n = 0;
  for (const id of e.ids) {
    const row = t.vocabRow[id]!;
    if (row < 0) continue;
    const c = counts.get(row);
    if (c === undefined) {
      counts.set(row, 1);
      n++;
    } else {
      counts.set(row, c + 1);
      if (v.tf !== 'binary') n++;
    }
  }
  const rows: number[] = [];
  const values: number[] = [];
  for (const [row, c] of counts) {
    let x = v.tf === 'binary' ? 1 : v.tf === 'raw' ? c : Math.log(1 + c);
    if (t.idf) x *= t.idf[row]!;
    rows.push(row);
    values.push(x);
  }
  if (v.norm !== 'none') {
    let s = 0;
    for (const x of values) s += v.norm === 'l2' ? x * x : Math.abs(x);
    const d = v.norm === 'l2' ? Math.sqrt(s) : s;
    if (d > 0) for (let i = 0; i < values.length; i++) values[i]! /= d;
  }
  return { rows, values, n };
}

function train(v: Variant, examples: readonly Example[], members: readonly number[], L1: number, idCount: number, gateMask: boolean[]): Trained {
  const df = new Int32Array(idCount);
  const seen = new Int32Array(idCount).fill(-1);
  for (const e of members) {
    for (const id of examples[e]!.ids) {
      if (seen[id] !== e) {
        seen[id] = e;
        df[id]!++;
      }
    }
  }
  const vocabRow = new Int32Array(idCount).fill(-1);
  let V = 0;
  for (let id = 0; id < idCount; id++) if (df[id]! >= v.minCount) vocabRow[id] = V++;
  const N = members.length;
  const idf = new Float64Array(V);
  for (let id = 0; id < idCount; id++) if (vocabRow[id]! >= 0) idf[vocabRow[id]!] = Math.log(N / df[id]!);
  const t0 = { vocabRow, idf: v.idf ? idf : null };
  const pos = Array.from({ length: L1 }, () => new Float64Array(V));
  const all = new Float64Array(V);
  const gateAll = new Float64Array(V);
  let gateTotal = 0;
  const realPos = v.selectOnReal ? Array.from({ length: L1 }, () => new Float64Array(V)) : null;
  const realAll = new Float64Array(V);
  const realWith = new Float64Array(L1);
  let realTotal = 0;
  const practiceAll = new Float64Array(V);
  let practiceTotal = 0;
  const L = examples[0]!.has.length - 1; // themes; has[L] = carries any theme
  const withLabel = new Float64Array(L1);
  let total = 0;
  const lengths: number[] = [];
  for (const e of members) {
    const ex = examples[e]!;
    const w = ex.weight ?? (ex.real ? v.realWeight : v.writtenWeight);
    const { rows, values, n } = vectorOf(v, ex, t0);
    lengths.push(n);
    total += w;
    for (let i = 0; i < rows.length; i++) all[rows[i]!]! += w * values[i]!;
    if (realPos && ex.real) {
      realTotal += w;
      for (let i = 0; i < rows.length; i++) realAll[rows[i]!]! += w * values[i]!;
      for (let l = 0; l < L1; l++) if (ex.has[l]) { realWith[l]! += w; for (let i = 0; i < rows.length; i++) realPos[l]![rows[i]!]! += w * values[i]!; }
    }
    if (ex.has[L]) { practiceTotal += w; for (let i = 0; i < rows.length; i++) practiceAll[rows[i]!]! += w * values[i]!; }
    const inGate = !v.gateRealOnly || ex.real;
    if (inGate) { gateTotal += w; for (let i = 0; i < rows.length; i++) gateAll[rows[i]!]! += w * values[i]!; }
    for (let l = 0; l < L1; l++) {
      if (!ex.has[l]) continue;
      if (l === L1 - 1 && L1 > 0 && v.gate && !inGate) continue;
      withLabel[l]! += w;
      const p = pos[l]!;
      for (let i = 0; i < rows.length; i++) p[rows[i]!]! += w * values[i]!;
    }
  }
  lengths.sort((a, b) => a - b);
  const mid = lengths.length >> 1;
  const ref = Math.max(1, lengths.length % 2 ? lengths[mid]! : (lengths[mid - 1]! + lengths[mid]!) / 2);
  const weights = new Float64Array(V * L1);
  const bias = new Float64Array(L1);
  const a = v.alpha;
  for (let l = 0; l < L1; l++) {
    const p = pos[l]!;
    const isGate = v.gate && v.gateRealOnly && l === L1 - 1;
    const isTheme = l < L;
    const cond = v.conditional && isTheme;
    const allL = isGate ? gateAll : cond ? practiceAll : all;
    const totalL = isGate ? gateTotal : cond ? practiceTotal : total;
    const keep = !(v.selectK && isTheme) ? null
      : realPos ? selectFeatures(v, realPos[l]!, realAll, realWith[l]!, realTotal, V)
      : selectFeatures(v, p, allL, withLabel[l]!, totalL, V);
    let sp = 0, sn = 0, kept = 0;
    for (let f = 0; f < V; f++) {
      if (keep && !keep[f]) continue;
      kept++;
      sp += p[f]!;
      sn += allL[f]! - p[f]!;
    }
    const dp = Math.log(sp + a * kept), dn = Math.log(sn + a * kept);
    for (let f = 0; f < V; f++) {
      if (gateMask[l] === false) continue;
      if (keep && !keep[f]) continue;
      weights[f * L1 + l] = Math.log(p[f]! + a) - dp - (Math.log(allL[f]! - p[f]! + a) - dn);
    }
    bias[l] = Math.log(withLabel[l]! + a) - Math.log(totalL - withLabel[l]! + a);
  }
  return { vocabRow, idf, weights, bias, ref, L1 };
}

/** The top `selectK` features of one label by chi-square or information gain (binary presence, weighted counts). */
function selectFeatures(v: Variant, p: Float64Array, all: Float64Array, pos: number, total: number, V: number): Uint8Array {
  if (v.tf !== 'binary' || v.idf || v.norm !== 'none') throw new Error('feature selection assumes binary presence');
  const score = new Float64Array(V);
  const neg = total - pos;
  const h = (x: number) => (x > 0 ? -x * Math.log(x) : 0);
  const ent = (a: number, b: number) => { const n = a + b; return n > 0 ? h(a / n) + h(b / n) : 0; };
  for (let f = 0; f < V; f++) {
    const A = p[f]!, B = all[f]! - p[f]!, C = pos - A, D = neg - B;
    if (v.selectBy === 'ig') {
      const nf = A + B, nn = C + D;
      score[f] = ent(pos, neg) - (nf / total) * ent(A, B) - (nn / total) * ent(C, D);
    } else {
      const den = (A + C) * (B + D) * (A + B) * (C + D);
      score[f] = den > 0 ? (total * (A * D - B * C) ** 2) / den : 0;
    }
  }
  const order = Array.from({ length: V }, (_, f) => f).sort((x, y) => score[y]! - score[x]! || x - y);
  const keep = new Uint8Array(V);
  for (let i = 0; i < Math.min(v.selectK!, V); i++) keep[order[i]!] = 1;
  return keep;
}

function logOdds(v: Variant, t: Trained, e: Example, out: Float64Array, rowMask?: Uint8Array, gateL?: number): void {
  const { rows, values, n } = vectorOf(v, e, { vocabRow: t.vocabRow, idf: v.idf ? t.idf : null });
  const scale = v.damp === 'sqrt' && v.norm === 'none' && n > t.ref ? Math.sqrt(t.ref / n) : 1;
  for (let l = 0; l < t.L1; l++) {
    let s = 0;
    for (let i = 0; i < rows.length; i++) {
      if (rowMask && l === gateL && !rowMask[rows[i]!]) continue;
      s += values[i]! * t.weights[rows[i]! * t.L1 + l]!;
    }
    out[l] = t.bias[l]! + scale * s;
  }
}

export interface Fitted {
  t: Trained;
  platt: { scale: number; shift: number }[];
  thresholds: number[];
  gateThreshold: number;
  inner: number; // inner OOF macro-F1 at fitted thresholds
  rowMask?: Uint8Array;
}

export interface Context {
  examples: Example[];
  labels: string[];
  idCount: number;
  /** ids that are unigrams (for gateUnigramsOnly) */
  unigram?: Uint8Array;
  /** group key for inner folds */
  groupKey: (i: number) => string;
}

export function fit(v: Variant, ctx: Context, members: number[]): Fitted {
  const L = ctx.labels.length;
  const L1 = v.gate ? L + 1 : L;
  const ex = ctx.examples;
  const mask = Array.from({ length: L1 }, () => true);
  const full = train(v, ex, members, L1, ctx.idCount, mask);
  const assignment = assignGroupedFolds(members.map(ctx.groupKey), 5, 1);
  const oof = Array.from({ length: L1 }, () => new Float64Array(members.length));
  const buf = new Float64Array(L1);
  for (let k = 0; k < assignment.folds; k++) {
    const tr = members.filter((_, j) => assignment.foldOf[j] !== k);
    const tk = train(v, ex, tr, L1, ctx.idCount, mask);
    const rowMask = rowMaskOf(v, ctx, tk, L1);
    members.forEach((e, j) => {
      if (assignment.foldOf[j] !== k) return;
      logOdds(v, tk, ex[e]!, buf, rowMask, L);
      for (let l = 0; l < L1; l++) oof[l]![j] = buf[l]!;
    });
  }
  const cal = members.map((e, j) => [e, j] as const).filter(([e]) => ex[e]!.real);
  const platt: { scale: number; shift: number }[] = [];
  const probs: number[][] = [];
  for (let l = 0; l < L1; l++) {
    const x = cal.map(([, j]) => oof[l]![j]!);
    const truth = cal.map(([e]) => (l < L ? ex[e]!.has[l]! : ex[e]!.has.slice(0, L).some(Boolean)));
    // product: a theme's Platt scaling is fitted on the practice examples (P(theme | practice)).
    const sub = v.product && l < L ? cal.map(([e], i) => (ex[e]!.has[L] ? i : -1)).filter((i) => i >= 0) : null;
    const p = sub ? fitPlatt(sub.map((i) => x[i]!), sub.map((i) => truth[i]!)) : fitPlatt(x, truth);
    platt.push(p);
    probs.push(x.map((z) => logistic(p.scale * z + p.shift)));
  }
  if (v.product) for (let l = 0; l < L; l++) probs[l] = probs[l]!.map((c, i) => c * probs[L]![i]!);
  const fitted = fitFusion({
    probabilities: probs.slice(0, L),
    ruleScores: ctx.labels.map((_, l) => cal.map(([e]) => ex[e]!.rules[l]!)),
    truth: ctx.labels.map((_, l) => cal.map(([e]) => ex[e]!.has[l]!)),
    ...(v.gate && v.product !== 'plain' ? { practice: probs[L]! } : {}),
  });
  const inner = fitted.confusions.reduce((s, c) => s + (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0), 0) / L;
  return { t: full, platt, thresholds: fitted.thresholds, gateThreshold: fitted.gateThreshold, inner, rowMask: rowMaskOf(v, ctx, full, L1) };
}

function rowMaskOf(v: Variant, ctx: Context, t: Trained, L1: number): Uint8Array | undefined {
  if (!v.gateUnigramsOnly || !ctx.unigram) return undefined;
  const mask = new Uint8Array(t.weights.length / L1);
  for (let id = 0; id < ctx.idCount; id++) if (t.vocabRow[id]! >= 0 && ctx.unigram[id]) mask[t.vocabRow[id]!] = 1;
  return mask;
}

export function predict(v: Variant, ctx: Context, f: Fitted, e: Example): boolean[] {
  const L = ctx.labels.length;
  const L1 = v.gate ? L + 1 : L;
  const buf = new Float64Array(L1);
  logOdds(v, f.t, e, buf, f.rowMask, L);
  const prob = (l: number) => logistic(f.platt[l]!.scale * buf[l]! + f.platt[l]!.shift);
  const gate = v.gate && v.product !== 'plain' ? { practice: prob(L), threshold: f.gateThreshold } : undefined;
  const themeProb = (l: number) => (v.product ? prob(l) * prob(L) : prob(l));
  return ctx.labels.map((_, l) => fuseTheme(e.rules[l]!, { probability: themeProb(l), threshold: f.thresholds[l]! }, 'fused', gate).tagged);
}
