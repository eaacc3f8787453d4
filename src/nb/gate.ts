/**
 * The practice-statement gate as a classifier: the gate's counts share the model's
 * vocabulary and settings, so it is scored by the same machinery as a one-label
 * model derived from the file (nothing is copied but references).
 */
import { createClassifier } from './classifier';
import type { EncodedFeatures } from '../text/feature-encoding';
import type { Feature } from '../text/features';
import { GATE_LABEL, gateModelOf } from './gate-model';
import type { ModelFile } from './model-file';

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

/** Builds the gate of a model file, or undefined when the model has none. */
export function createPracticeGate(model: ModelFile): PracticeGateScorer | undefined {
  const derived = gateModelOf(model);
  if (!derived) return undefined;
  const threshold = model.gate!.threshold;
  const classifier = createClassifier(derived);
  return {
    threshold,
    practice: (features) => classifier.predict(features, { topK: 0 })[GATE_LABEL]!.probability,
    practiceEncoded: (encoded) => classifier.predictEncoded(encoded, { topK: 0 })[GATE_LABEL]!.probability,
  };
}
