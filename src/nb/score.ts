/**
 * Scores one input (its features) against compiled weights: per-label log-odds
 * and, on request, the features that pushed hardest towards each label. Shared
 * by the classifier and by cross-validation so both score exactly alike.
 */
import type { EncodedFeatures } from '../text/feature-encoding';
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
  const core = createCore(compiled);
  const { index } = compiled;
  return (features, topK) => {
    core.begin();
    for (const feature of features) {
      const row = index.get(feature.key);
      if (row !== undefined) core.add(row, feature.start, feature.end); // else not in the vocabulary: no evidence either way
    }
    return core.finish(topK);
  };
}

/**
 * Like {@link createScorer}, for features already encoded as vocabulary rows (one
 * entry per sentence of the span): the same scores, without string look-ups.
 */
export function createRowScorer(compiled: CompiledWeights): (encoded: readonly EncodedFeatures[], topK: number) => RawScores {
  const core = createCore(compiled);
  return (encoded, topK) => {
    core.begin();
    for (const { triples } of encoded) for (let i = 0; i < triples.length; i += 3) core.add(triples[i]!, triples[i + 1]!, triples[i + 2]!);
    return core.finish(topK);
  };
}

/** Log-odds of encoded sentences, with each label's top features computed only when asked for. */
export interface LazyRowScorer {
  /** Scores an input; the returned log-odds are valid until the next call. */
  score(encoded: readonly EncodedFeatures[]): Float64Array;
  /** Top features of `label` (index) for the last input scored, exactly as `createRowScorer` lists them. */
  top(label: number, topK: number): readonly TopFeature[];
}

/** Like {@link createRowScorer}, leaving the top features until they are needed (most labels never need them). */
export function createLazyRowScorer(compiled: CompiledWeights): LazyRowScorer {
  const core = createCore(compiled);
  return {
    score(encoded) {
      core.begin();
      for (const { triples } of encoded) for (let i = 0; i < triples.length; i += 3) core.add(triples[i]!, triples[i + 1]!, triples[i + 2]!);
      return core.finish(0).logOdds;
    },
    top: (label, topK) => core.top(label, topK),
  };
}

interface ScoringCore {
  begin(): void;
  /** One occurrence of a vocabulary row at [start, end). */
  add(row: number, start: number, end: number): void;
  finish(topK: number): RawScores;
  /** Top features of one label for the input last finished (as `finish` lists them). */
  top(label: number, topK: number): readonly TopFeature[];
}

function createCore(compiled: CompiledWeights): ScoringCore {
  const { weights, bias, index, binary, lengthReference } = compiled;
  const keys = compiled.keys;
  const labelCount = compiled.labels.length;
  // Per vocabulary row: the call that last saw it, and its slot in that call's distinct list.
  const seenIn = new Uint32Array(index.size);
  const slotOf = new Int32Array(index.size);
  let call = 0;
  // Distinct known features of the current input, in order of first occurrence:
  // vocabulary row, span of the first occurrence, count.
  let rows = new Int32Array(256);
  let starts = new Int32Array(256);
  let ends = new Int32Array(256);
  let times = new Float64Array(256);
  let distinct = 0;
  let counted = 0;
  // The running top-k of one label: slot indices and (unscaled) contributions, best first.
  let bestSlot = new Int32Array(8);
  let bestWeight = new Float64Array(8);
  const logOdds = new Float64Array(labelCount);
  const top: (readonly TopFeature[])[] = new Array<readonly TopFeature[]>(labelCount).fill(NO_FEATURES);

  /** Order of the top list: larger contribution first, then feature key, then position (deterministic). */
  const ranksBefore = (weight: number, slot: number, otherWeight: number, otherSlot: number): boolean => {
    if (weight !== otherWeight) return weight > otherWeight;
    const a = keys[rows[slot]!]!;
    const b = keys[rows[otherSlot]!]!;
    return a !== b ? a < b : starts[slot]! < starts[otherSlot]!;
  };

  return {
    begin() {
      call = call === 0xffffffff ? 1 : call + 1;
      if (call === 1) seenIn.fill(0);
      distinct = 0;
      counted = 0;
    },
    add(row, start, end) {
      if (seenIn[row] === call) {
        if (!binary) {
          times[slotOf[row]!]!++;
          counted++;
        }
        return;
      }
      if (distinct === rows.length) {
        rows = grow(rows);
        starts = grow(starts);
        ends = grow(ends);
        times = grow(times);
      }
      seenIn[row] = call;
      slotOf[row] = distinct;
      rows[distinct] = row;
      starts[distinct] = start;
      ends[distinct] = end;
      times[distinct] = 1;
      distinct++;
      counted++;
    },
    finish(topK) {
      const scale = lengthScale(counted, lengthReference);
      for (let l = 0; l < labelCount; l++) {
        let evidence = 0;
        for (let i = 0; i < distinct; i++) evidence += times[i]! * weights[rows[i]! * labelCount + l]!;
        logOdds[l] = bias[l]! + scale * evidence;
        top[l] = topK === 0 ? NO_FEATURES : topOf(l, topK, scale);
      }
      return { logOdds, top };
    },
    top(label, topK) {
      return topK === 0 ? NO_FEATURES : topOf(label, topK, lengthScale(counted, lengthReference));
    },
  };

  /** Up to topK features of the current input by contribution to `l` (> 0 only), best first. */
  function topOf(l: number, topK: number, scale: number): readonly TopFeature[] {
    if (topK > bestSlot.length) {
      bestSlot = new Int32Array(topK);
      bestWeight = new Float64Array(topK);
    }
    let kept = 0;
    for (let i = 0; i < distinct; i++) {
      const contribution = times[i]! * weights[rows[i]! * labelCount + l]!;
      if (!(contribution > 0)) continue;
      // Insertion into a short sorted list (scale > 0 is common to all, so rank unscaled).
      if (kept === topK && !ranksBefore(contribution, i, bestWeight[kept - 1]!, bestSlot[kept - 1]!)) continue;
      let at = kept < topK ? kept++ : topK - 1;
      while (at > 0 && ranksBefore(contribution, i, bestWeight[at - 1]!, bestSlot[at - 1]!)) {
        bestWeight[at] = bestWeight[at - 1]!;
        bestSlot[at] = bestSlot[at - 1]!;
        at--;
      }
      bestWeight[at] = contribution;
      bestSlot[at] = i;
    }
    if (kept === 0) return NO_FEATURES;
    const list: TopFeature[] = [];
    for (let p = 0; p < kept; p++) {
      const slot = bestSlot[p]!;
      list.push({ feature: keys[rows[slot]!]!, weight: scale * bestWeight[p]!, start: starts[slot]!, end: ends[slot]! });
    }
    return list;
  }
}

function grow<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
