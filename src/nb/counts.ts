/**
 * Counting: from examples (feature keys + label flags) to a sorted vocabulary
 * and, per label, feature counts in the examples with and without the label.
 *
 * Keys are interned once ({@link internFeatures}): every distinct key gets an id
 * in sorted key order, so counting a subset (a cross-validation fold) is integer
 * work on typed arrays and its vocabulary is its kept ids in ascending order.
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

/** Feature keys of a set of examples as integer ids. */
export interface InternedFeatures {
  /** Every distinct key, sorted by UTF-16 code unit; a key's id is its index. */
  readonly keys: readonly string[];
  /** Per example, the id of each feature occurrence, in order. */
  readonly occurrences: readonly Int32Array[];
  /** Per example, its distinct ids in order of first occurrence. */
  readonly distinct: readonly Int32Array[];
}

/** Interns the feature keys of examples (one key list per example). */
export function internFeatures(keyLists: readonly (readonly string[])[]): InternedFeatures {
  // Ids in order of first sight first (one map look-up per occurrence), then renumbered in key order.
  const seenId = new Map<string, number>();
  const provisional = keyLists.map((list) => {
    const ids = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const key = list[i]!;
      let id = seenId.get(key);
      if (id === undefined) seenId.set(key, (id = seenId.size));
      ids[i] = id;
    }
    return ids;
  });
  const firstSeen = [...seenId.keys()];
  const order = firstSeen.map((_, i) => i).sort((a, b) => (firstSeen[a]! < firstSeen[b]! ? -1 : 1));
  const keys = order.map((i) => firstSeen[i]!);
  const sortedId = new Int32Array(order.length);
  order.forEach((provisionalId, id) => (sortedId[provisionalId] = id));
  const lastExample = new Int32Array(keys.length).fill(-1);
  const distinct: Int32Array[] = [];
  provisional.forEach((ids, e) => {
    const unique: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = (ids[i] = sortedId[ids[i]!]!);
      if (lastExample[id] !== e) {
        lastExample[id] = e;
        unique.push(id);
      }
    }
    distinct.push(Int32Array.from(unique));
  });
  return { keys, occurrences: provisional, distinct };
}

/** Counts of a subset of interned examples, aligned to its vocabulary (`ids`). */
export interface CountedIds {
  /** Interned ids of the kept features, ascending: vocabulary row r is key `ids[r]`. */
  readonly ids: Int32Array;
  /** Per interned id, its vocabulary row, or -1 when it was not kept. */
  readonly rowOf: Int32Array;
  /** Per label, counts in examples with / without it, one per vocabulary row. */
  readonly pos: number[][];
  readonly neg: number[][];
  /** Per label, weighted number of examples carrying it. */
  readonly withLabel: number[];
  /** Weighted number of examples. */
  readonly examples: number;
}

/** Label flags and weight of each interned example. */
export interface CountableFlags {
  readonly has: readonly boolean[];
  readonly weight?: number;
}

/**
 * Counts features over the examples at `members` (indices into `interned` and
 * `flags`). With `binary`, a feature counts once per example, and `minCount` is
 * then a document frequency; otherwise every occurrence counts. Features
 * occurring in fewer than `minCount` examples (occurrences) of the subset, weights
 * aside, are left out (they would be noise with smoothing-dominated weights).
 */
export function countIds(
  interned: InternedFeatures,
  flags: readonly CountableFlags[],
  members: readonly number[],
  labelCount: number,
  settings: { readonly binary: boolean; readonly minCount: number },
): CountedIds {
  const size = interned.keys.length;
  const lists = settings.binary ? interned.distinct : interned.occurrences;
  const frequency = new Int32Array(size);
  const all = new Float64Array(size);
  const positive = Array.from({ length: labelCount }, () => new Float64Array(size));
  const withLabel = new Array<number>(labelCount).fill(0);
  let examples = 0;
  for (const e of members) {
    const { has, weight = 1 } = flags[e]!;
    const ids = lists[e]!;
    examples += weight;
    for (let i = 0; i < ids.length; i++) {
      frequency[ids[i]!]!++;
      all[ids[i]!]! += weight;
    }
    for (let l = 0; l < labelCount; l++) {
      if (!has[l]) continue;
      withLabel[l]! += weight;
      const counts = positive[l]!;
      for (let i = 0; i < ids.length; i++) counts[ids[i]!]! += weight;
    }
  }
  const rowOf = new Int32Array(size).fill(-1);
  const kept: number[] = [];
  for (let id = 0; id < size; id++) {
    if (frequency[id]! >= settings.minCount) {
      rowOf[id] = kept.length;
      kept.push(id);
    }
  }
  // Counts are whole numbers, so neg = all - pos is exact.
  const pos = positive.map((counts) => kept.map((id) => counts[id]!));
  const neg = positive.map((counts) => kept.map((id) => all[id]! - counts[id]!));
  return { ids: Int32Array.from(kept), rowOf, pos, neg, withLabel, examples };
}

/**
 * Median number of counted in-vocabulary features per example of the subset (at
 * least 1): the reference length of the `sqrt` length normalisation.
 */
export function medianCountedIds(interned: InternedFeatures, members: readonly number[], rowOf: Int32Array, binary: boolean): number {
  const lists = binary ? interned.distinct : interned.occurrences;
  const lengths = members.map((e) => {
    const ids = lists[e]!;
    let n = 0;
    for (let i = 0; i < ids.length; i++) if (rowOf[ids[i]!]! >= 0) n++;
    return n;
  });
  return median(lengths);
}

/**
 * Counts features of examples given by key (see {@link countIds}).
 */
export function countFeatures(
  examples: readonly CountableExample[],
  labels: readonly string[],
  settings: { readonly binary: boolean; readonly minCount: number },
): FeatureCounts {
  const interned = internFeatures(examples.map((e) => e.keys));
  const counted = countIds(interned, examples, examples.map((_, i) => i), labels.length, settings);
  return {
    vocabulary: Array.from(counted.ids, (id) => interned.keys[id]!),
    counts: Object.fromEntries(labels.map((label, l) => [label, { pos: counted.pos[l]!, neg: counted.neg[l]! }])),
    labelCounts: Object.fromEntries(labels.map((label, l) => [label, counted.withLabel[l]!])),
    examples: counted.examples,
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
  return median(
    examples.map((example) => {
      const keys = binary ? new Set(example.keys) : example.keys;
      let n = 0;
      for (const key of keys) if (known.has(key)) n++;
      return n;
    }),
  );
}

function median(values: number[]): number {
  if (!values.length) return 1;
  const sorted = values.sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const middle = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.max(1, middle);
}
