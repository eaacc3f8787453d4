/**
 * Grouped k-fold assignment: examples that share a group (the passages of one
 * review) always land in the same fold, so cross-validation never scores a
 * passage with a model that saw its neighbours.
 */
import { mulberry32, seededShuffle } from './random';

/** The folds of a grouped k-fold split. */
export interface FoldAssignment {
  /** Number of folds actually used: min(requested, number of groups). */
  readonly folds: number;
  /** Fold index (0-based) of each example, in input order. */
  readonly foldOf: readonly number[];
}

/**
 * Assigns groups to folds. The distinct group keys are sorted (so input order
 * does not matter), shuffled with a seeded PRNG, then each group goes to the
 * fold that holds the fewest examples so far (lowest index on ties), which
 * keeps folds close in size when groups differ in size. With fewer groups than
 * folds, each group is its own fold (leave-one-group-out).
 * @param groupKeys one key per example
 * @throws RangeError when there are fewer than 2 groups or fewer than 2 folds requested
 */
export function assignGroupedFolds(groupKeys: readonly string[], requestedFolds: number, seed: number): FoldAssignment {
  if (!Number.isInteger(requestedFolds) || requestedFolds < 2) throw new RangeError(`folds must be an integer >= 2, got ${requestedFolds}`);
  const sizes = new Map<string, number>();
  for (const key of groupKeys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  if (sizes.size < 2) throw new RangeError(`cross-validation needs at least 2 groups, got ${sizes.size}`);
  const folds = Math.min(requestedFolds, sizes.size);
  const groups = seededShuffle([...sizes.keys()].sort(), mulberry32(seed));
  const load = new Array<number>(folds).fill(0);
  const foldOfGroup = new Map<string, number>();
  for (const group of groups) {
    let target = 0;
    for (let f = 1; f < folds; f++) if (load[f]! < load[target]!) target = f;
    foldOfGroup.set(group, target);
    load[target]! += sizes.get(group)!;
  }
  return { folds, foldOf: groupKeys.map((key) => foldOfGroup.get(key)!) };
}
