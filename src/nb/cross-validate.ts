/**
 * Out-of-fold scoring: every example is scored by a model trained on the other
 * folds only, so thresholds, calibration and metrics are fitted on scores the
 * model did not see the answers for.
 */
import type { InternedFeatures } from './counts';
import type { FoldAssignment } from './folds';
import { createRowScorer } from './score';
import type { CompiledWeights } from './weights';

/** A model trained on some folds, with the way from interned feature ids to its weight rows. */
export interface FoldModel {
  readonly weights: CompiledWeights;
  /** Per interned id, its row in `weights`, or -1 when the fold's vocabulary left it out. */
  readonly rowOf: Int32Array;
}

/**
 * Per label (outer index), the out-of-fold raw log-odds of each example (inner index).
 * @param fit trains on the examples at the given indices
 */
export function outOfFoldLogOdds(
  interned: InternedFeatures,
  labelCount: number,
  assignment: FoldAssignment,
  fit: (members: readonly number[]) => FoldModel,
): number[][] {
  const count = interned.occurrences.length;
  const oof = Array.from({ length: labelCount }, () => new Array<number>(count).fill(0));
  for (let fold = 0; fold < assignment.folds; fold++) {
    const members: number[] = [];
    for (let i = 0; i < count; i++) if (assignment.foldOf[i] !== fold) members.push(i);
    const { weights, rowOf } = fit(members);
    // Scored as the classifier scores: the rows of the known features, in order (spans do not matter here).
    const score = createRowScorer(weights);
    for (let i = 0; i < count; i++) {
      if (assignment.foldOf[i] !== fold) continue;
      const triples: number[] = [];
      for (const id of interned.occurrences[i]!) if (rowOf[id]! >= 0) triples.push(rowOf[id]!, 0, 0);
      const { logOdds } = score([{ triples }], 0);
      for (let l = 0; l < labelCount; l++) oof[l]![i] = logOdds[l]!;
    }
  }
  return oof;
}
