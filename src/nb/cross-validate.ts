/**
 * Out-of-fold scoring: every example is scored by a model trained on the other
 * folds only, so thresholds, calibration and metrics are fitted on scores the
 * model did not see the answers for.
 */
import type { Feature } from '../text/features';
import type { CountableExample } from './counts';
import type { FoldAssignment } from './folds';
import { createScorer } from './score';
import type { CompiledWeights } from './weights';

/**
 * Per label (outer index), the out-of-fold raw log-odds of each example (inner index).
 * @param weightsFor trains on a subset of the examples and returns the compiled weights
 */
export function outOfFoldLogOdds(
  examples: readonly CountableExample[],
  documents: readonly (readonly Feature[])[],
  labelCount: number,
  assignment: FoldAssignment,
  weightsFor: (subset: readonly CountableExample[]) => CompiledWeights,
): number[][] {
  const oof = Array.from({ length: labelCount }, () => new Array<number>(examples.length).fill(0));
  for (let fold = 0; fold < assignment.folds; fold++) {
    const training = examples.filter((_, i) => assignment.foldOf[i] !== fold);
    const score = createScorer(weightsFor(training));
    examples.forEach((_, i) => {
      if (assignment.foldOf[i] !== fold) return;
      const { logOdds } = score(documents[i]!, 0);
      for (let l = 0; l < labelCount; l++) oof[l]![i] = logOdds[l]!;
    });
  }
  return oof;
}
