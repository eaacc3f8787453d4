/**
 * Counting: from examples (feature keys + label flags) to a sorted vocabulary
 * and, per label, feature counts in the examples with and without the label.
 */

/** One training example reduced to what counting needs. */
export interface CountableExample {
  /** Feature keys, one per occurrence. */
  readonly keys: readonly string[];
  /** Per label (in labels order), whether the example carries it. */
  readonly has: readonly boolean[];
  /** How many times the example counts (a whole number >= 1). @default 1 */
  readonly weight?: number;
}

/** Learned counts, aligned to the vocabulary. */
export interface FeatureCounts {
  /** Kept feature keys, sorted by UTF-16 code unit. */
  readonly vocabulary: string[];
  /** Per label: counts in examples with (`pos`) and without (`neg`) the label. */
  readonly counts: Record<string, { pos: number[]; neg: number[] }>;
  /** Per label, the number of examples carrying it (weighted). */
  readonly labelCounts: Record<string, number>;
  /** The number of examples (weighted: an example of weight k counts k times). */
  readonly examples: number;
}

/**
 * Counts features. With `binary`, a feature counts once per example, and
 * `minCount` is then a document frequency; otherwise every occurrence counts.
 * Features occurring fewer than `minCount` times over all examples are left out
 * of the vocabulary (they would be noise with smoothing-dominated weights).
 */
export function countFeatures(
  examples: readonly CountableExample[],
  labels: readonly string[],
  settings: { readonly binary: boolean; readonly minCount: number },
): FeatureCounts {
  const perExample = examples.map((example) => (settings.binary ? [...new Set(example.keys)] : example.keys));
  const totals = new Map<string, number>();
  for (const keys of perExample) for (const key of keys) totals.set(key, (totals.get(key) ?? 0) + 1);
  const vocabulary = [...totals.keys()].filter((key) => totals.get(key)! >= settings.minCount).sort();
  const index = new Map(vocabulary.map((key, i) => [key, i]));

  const pos = labels.map(() => new Array<number>(vocabulary.length).fill(0));
  const neg = labels.map(() => new Array<number>(vocabulary.length).fill(0));
  const withLabel = labels.map(() => 0);
  let total = 0;
  perExample.forEach((keys, e) => {
    const { has, weight = 1 } = examples[e]!;
    total += weight;
    labels.forEach((_, l) => {
      if (has[l]) withLabel[l]! += weight;
    });
    for (const key of keys) {
      const f = index.get(key);
      if (f === undefined) continue;
      for (let l = 0; l < labels.length; l++) (has[l] ? pos : neg)[l]![f]! += weight;
    }
  });
  return {
    vocabulary,
    counts: Object.fromEntries(labels.map((label, l) => [label, { pos: pos[l]!, neg: neg[l]! }])),
    labelCounts: Object.fromEntries(labels.map((label, l) => [label, withLabel[l]!])),
    examples: total,
  };
}

/**
 * Median number of counted in-vocabulary features per example (at least 1):
 * the reference length of the `sqrt` length normalisation.
 */
export function medianCountedFeatures(
  examples: readonly CountableExample[],
  vocabulary: readonly string[],
  binary: boolean,
): number {
  const known = new Set(vocabulary);
  const lengths = examples
    .map((example) => {
      const keys = binary ? new Set(example.keys) : example.keys;
      let n = 0;
      for (const key of keys) if (known.has(key)) n++;
      return n;
    })
    .sort((a, b) => a - b);
  if (!lengths.length) return 1;
  const mid = lengths.length >> 1;
  const median = lengths.length % 2 ? lengths[mid]! : (lengths[mid - 1]! + lengths[mid]!) / 2;
  return Math.max(1, median);
}
