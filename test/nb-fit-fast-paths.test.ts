// The fast paths of fitting against plain reference implementations: counting on
// interned ids (subsets, weights, binary or not, minCount) and the fused-threshold
// search (prefix sums and a gate band) must give exactly what the obvious loops give.
import { describe, expect, it } from 'vitest';
import { countIds, internFeatures, medianCountedIds } from '../src/nb/counts';
import { fitFusion } from '../src/nb/fused-thresholds';
import { scoresOf } from '../src/nb/thresholds';
import { fuseTheme, TAG_THRESHOLD } from '../src/fuse/fuse';
import { mulberry32 } from '../src/nb/random';

const words = ['a', 'b', 'ab', 'b a', 'not_c', 'c', 'Z', 'é', 'zz', 'a b'];

function randomExamples(seed: number, n: number, labels: number) {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => ({
    keys: Array.from({ length: Math.floor(random() * 8) }, () => words[Math.floor(random() * words.length)]!),
    has: Array.from({ length: labels }, () => random() < 0.4),
    weight: 1 + Math.floor(random() * 3),
  }));
}

/** Counting as the obvious loops do it, over keys. */
function referenceCounts(examples: ReturnType<typeof randomExamples>, members: number[], labels: number, binary: boolean, minCount: number) {
  const lists = members.map((e) => (binary ? [...new Set(examples[e]!.keys)] : examples[e]!.keys));
  const frequency = new Map<string, number>();
  for (const keys of lists) for (const key of keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const vocabulary = [...frequency.keys()].filter((k) => frequency.get(k)! >= minCount).sort();
  const pos = Array.from({ length: labels }, () => vocabulary.map(() => 0));
  const neg = Array.from({ length: labels }, () => vocabulary.map(() => 0));
  lists.forEach((keys, m) => {
    const { has, weight } = examples[members[m]!]!;
    for (const key of keys) {
      const f = vocabulary.indexOf(key);
      if (f >= 0) for (let l = 0; l < labels; l++) (has[l] ? pos : neg)[l]![f]! += weight;
    }
  });
  const lengths = lists.map((keys) => keys.filter((k) => vocabulary.includes(k)).length).sort((x, y) => x - y);
  const mid = lengths.length >> 1;
  const median = Math.max(1, lengths.length % 2 ? lengths[mid]! : (lengths[mid - 1]! + lengths[mid]!) / 2);
  return { vocabulary, pos, neg, median };
}

describe('counting on interned ids', () => {
  it.each([
    [1, true, 1],
    [2, true, 2],
    [3, false, 1],
    [4, false, 3],
  ])('seed %i, binary %s, minCount %i: the same vocabulary, counts and median length as counting keys', (seed, binary, minCount) => {
    const examples = randomExamples(seed, 40, 3);
    const interned = internFeatures(examples.map((e) => e.keys));
    expect(interned.keys).toEqual([...new Set(words)].filter((w) => examples.some((e) => e.keys.includes(w))).sort());
    const members = examples.map((_, i) => i).filter((i) => i % 5 !== seed % 5);
    const counted = countIds(interned, examples, members, 3, { binary, minCount });
    const reference = referenceCounts(examples, members, 3, binary, minCount);
    expect(Array.from(counted.ids, (id) => interned.keys[id])).toEqual(reference.vocabulary);
    expect(counted.pos).toEqual(reference.pos);
    expect(counted.neg).toEqual(reference.neg);
    expect(counted.examples).toBe(members.reduce((s, i) => s + examples[i]!.weight, 0));
    expect(medianCountedIds(interned, members, counted.rowOf, binary)).toBe(reference.median);
  });
});

/** The fused-threshold search as the obvious loops do it (fuseTheme for every example, threshold and gate). */
function referenceFit(input: Parameters<typeof fitFusion>[0], candidatesOf: (p: readonly number[]) => number[]) {
  const grid = input.practice ? [0, ...Array.from({ length: 18 }, (_, i) => (i + 1) * 0.05)] : [0];
  let best: { thresholds: number[]; gateThreshold: number; macro: number } | undefined;
  for (const tau of grid) {
    const thresholds: number[] = [];
    let macro = 0;
    input.probabilities.forEach((probabilities, l) => {
      let bestF1 = -1;
      let bestT = 0;
      for (const t of candidatesOf(probabilities)) {
        let tp = 0, fp = 0, fn = 0;
        probabilities.forEach((p, i) => {
          const gate = input.practice ? { practice: input.practice[i]!, threshold: tau } : undefined;
          const tagged = fuseTheme(input.ruleScores[l]![i]!, { probability: p, threshold: t }, 'fused', gate).score >= TAG_THRESHOLD;
          const truth = input.truth[l]![i]!;
          if (tagged && truth) tp++;
          else if (tagged) fp++;
          else if (truth) fn++;
        });
        const f1 = scoresOf({ tp, fp, fn }).f1;
        if (f1 > bestF1 + 1e-12 || (f1 === bestF1 && Math.abs(t - 0.5) < Math.abs(bestT - 0.5))) [bestF1, bestT] = [f1, t];
      }
      thresholds.push(bestT);
      macro += bestF1;
    });
    macro /= input.probabilities.length;
    if (!best || macro > best.macro + 1e-12) best = { thresholds, gateThreshold: tau, macro };
  }
  return best!;
}

describe('fitting the fused decision fast', () => {
  it.each([1, 2, 3])('seed %i: the same thresholds and gate threshold as scoring every example at every candidate', (seed) => {
    const random = mulberry32(seed);
    const n = 300;
    const practice = Array.from({ length: n }, () => random());
    const truth = [0, 1].map(() => practice.map((g) => random() < g * 0.7));
    const input = {
      probabilities: truth.map((t) => t.map((y) => Math.min(1, Math.max(0, (y ? 0.55 : 0.35) + (random() - 0.5) * 0.6)))),
      ruleScores: truth.map((t) => t.map((y) => (random() < (y ? 0.4 : 0.15) ? random() : 0))),
      truth,
      practice,
    };
    // The same candidates as the fit (every distinct score's midpoint is too many to run naively).
    const fit = fitFusion(input);
    const candidatesOf = (probabilities: readonly number[]) => {
      const sorted = [...probabilities].sort((a, b) => a - b);
      const out = new Set<number>();
      for (let k = 1; k < 200; k++) {
        const i = Math.floor((k * n) / 200);
        if (i > 0 && i < n) {
          const mid = (sorted[i - 1]! + sorted[i]!) / 2;
          if (mid > 0 && mid < 1) out.add(mid);
        }
      }
      return [...out.add(0.5)].sort((a, b) => a - b);
    };
    const reference = referenceFit(input, candidatesOf);
    expect(fit.gateThreshold).toBe(reference.gateThreshold);
    expect(fit.thresholds).toEqual(reference.thresholds);
  });
});
