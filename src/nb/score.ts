/**
 * Scores one input (its features) against compiled weights: per-label log-odds
 * and, on request, the features that pushed hardest towards each label. Shared
 * by the classifier and by cross-validation so both score exactly alike.
 */
import type { Feature } from '../text/features';
import { lengthScale, type CompiledWeights } from './weights';

/** A feature that weighed FOR a label in one input. */
export interface TopFeature {
  /** Feature key ("home visit", "not_see"). */
  readonly feature: string;
  /** Its contribution to the label's log-odds in this input (> 0). */
  readonly weight: number;
  /** Span of its first occurrence in the input. */
  readonly start: number;
  readonly end: number;
}

/** Raw scores of one input. Valid until the scorer's next call: its arrays are reused. */
export interface RawScores {
  /** Per label (in `labels` order), the log-odds. */
  readonly logOdds: Float64Array;
  /** Per label, up to `topK` features by contribution (a shared empty list when topK is 0). */
  readonly top: (readonly TopFeature[])[];
}

const NO_FEATURES: readonly TopFeature[] = Object.freeze([]);

/** Creates a scoring function bound to compiled weights. Holds scratch buffers, reused across calls. */
export function createScorer(compiled: CompiledWeights): (features: readonly Feature[], topK: number) => RawScores {
  const { weights, bias, index, binary, lengthReference } = compiled;
  const labelCount = compiled.labels.length;
  // Per vocabulary row: the call that last saw it, and its slot in that call's distinct list.
  const seenIn = new Uint32Array(index.size);
  const slotOf = new Int32Array(index.size);
  let call = 0;
  // Distinct known features of the current input: vocabulary row, first occurrence, count.
  const rows: number[] = [];
  const firsts: Feature[] = [];
  const times: number[] = [];
  // The running top-k of one label: slot indices and (unscaled) contributions, best first.
  let bestSlot = new Int32Array(8);
  let bestWeight = new Float64Array(8);
  const logOdds = new Float64Array(labelCount);
  const top: (readonly TopFeature[])[] = new Array<readonly TopFeature[]>(labelCount).fill(NO_FEATURES);

  return (features, topK) => {
    call = call === 0xffffffff ? 1 : call + 1;
    if (call === 1) seenIn.fill(0);
    rows.length = 0;
    firsts.length = 0;
    times.length = 0;
    let counted = 0;
    for (const feature of features) {
      const row = index.get(feature.key);
      if (row === undefined) continue; // not in the vocabulary: no evidence either way
      if (seenIn[row] === call) {
        if (!binary) {
          times[slotOf[row]!]!++;
          counted++;
        }
        continue;
      }
      seenIn[row] = call;
      slotOf[row] = rows.length;
      rows.push(row);
      firsts.push(feature);
      times.push(1);
      counted++;
    }
    if (topK > bestSlot.length) {
      bestSlot = new Int32Array(topK);
      bestWeight = new Float64Array(topK);
    }
    const scale = lengthScale(counted, lengthReference);
    for (let l = 0; l < labelCount; l++) {
      let evidence = 0;
      let kept = 0;
      for (let i = 0; i < rows.length; i++) {
        const contribution = times[i]! * weights[rows[i]! * labelCount + l]!;
        evidence += contribution;
        if (!(contribution > 0) || topK === 0) continue;
        // Insertion into a short sorted list (scale > 0 is common to all, so rank unscaled).
        if (kept === topK && !ranksBefore(contribution, i, bestWeight[kept - 1]!, bestSlot[kept - 1]!, firsts)) continue;
        let at = kept < topK ? kept++ : topK - 1;
        while (at > 0 && ranksBefore(contribution, i, bestWeight[at - 1]!, bestSlot[at - 1]!, firsts)) {
          bestWeight[at] = bestWeight[at - 1]!;
          bestSlot[at] = bestSlot[at - 1]!;
          at--;
        }
        bestWeight[at] = contribution;
        bestSlot[at] = i;
      }
      logOdds[l] = bias[l]! + scale * evidence;
      if (kept === 0) {
        top[l] = NO_FEATURES;
        continue;
      }
      const list: TopFeature[] = [];
      for (let p = 0; p < kept; p++) {
        const first = firsts[bestSlot[p]!]!;
        list.push({ feature: first.key, weight: scale * bestWeight[p]!, start: first.start, end: first.end });
      }
      top[l] = list;
    }
    firsts.length = 0; // do not keep the caller's features alive
    return { logOdds, top };
  };
}

/** Order of the top list: larger contribution first, then feature key, then position (deterministic). */
function ranksBefore(weight: number, slot: number, otherWeight: number, otherSlot: number, firsts: readonly Feature[]): boolean {
  if (weight !== otherWeight) return weight > otherWeight;
  const a = firsts[slot]!;
  const b = firsts[otherSlot]!;
  return a.key !== b.key ? a.key < b.key : a.start < b.start;
}
