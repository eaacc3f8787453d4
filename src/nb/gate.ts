/**
 * The practice-statement gate as a classifier: the gate's counts share the model's
 * vocabulary and settings, so it is scored by the same machinery as a one-label
 * model derived from the file (nothing is copied but references).
 */
import { createClassifier } from './classifier';
import type { EncodedFeatures } from '../text/feature-encoding';
import type { Feature } from '../text/features';
import { isCheckedModel, markChecked, type ModelFile } from './model-file';
import { attachedGateWeightsOf, attachWeights } from './model-tables';

/** A built gate: the practice probability of a span's features, and the threshold it is held to. */
export interface PracticeGateScorer {
  readonly threshold: number;
  practice(features: readonly Feature[]): number;
  /**
   * The same from sentences encoded by the model's classifier (`classifier.encode`):
   * the gate shares the model's vocabulary, so its rows are the classifier's.
   */
  practiceEncoded(encoded: readonly EncodedFeatures[]): number;
}

// Internal label of the derived one-label model; never reported.
const GATE_LABEL = 'practice-statement';

/** Builds the gate of a model file, or undefined when the model has none. */
export function createPracticeGate(model: ModelFile): PracticeGateScorer | undefined {
  const gate = model.gate;
  if (!gate) return undefined;
  const metrics = { precision: 0, recall: 0, f1: 0 };
  const derived: ModelFile = {
    ...model,
    labels: [GATE_LABEL],
    thresholds: { [GATE_LABEL]: gate.threshold },
    calibration: { method: 'platt', perLabel: { [GATE_LABEL]: gate.scaling } },
    training: { ...model.training, labelCounts: { [GATE_LABEL]: gate.positives } },
    metrics: {
      crossValidated: {
        ...model.metrics.crossValidated,
        perLabel: { [GATE_LABEL]: { ...metrics, support: gate.positives, threshold: gate.threshold, logLoss: 0 } },
        micro: metrics,
        macro: metrics,
      },
    },
    counts: { [GATE_LABEL]: gate.counts },
    gate: undefined,
  };
  // Its arrays were checked with the model's (parseModel checks the gate's counts too).
  if (isCheckedModel(model)) {
    markChecked(derived);
    const precomputed = attachedGateWeightsOf(model);
    if (precomputed) attachWeights(derived, precomputed);
  }
  const classifier = createClassifier(derived);
  return {
    threshold: gate.threshold,
    practice: (features) => classifier.predict(features, { topK: 0 })[GATE_LABEL]!.probability,
    practiceEncoded: (encoded) => classifier.predictEncoded(encoded, { topK: 0 })[GATE_LABEL]!.probability,
  };
}
