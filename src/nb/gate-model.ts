/**
 * The practice gate as a one-label model derived from a model file: the gate's counts
 * share the model's vocabulary and settings, so the gate is scored by the classifier
 * machinery (nothing is copied but references). A checked model file is not changed
 * after loading, so it has one derived model, and what is attached to that (precomputed
 * weights, see model-tables.ts) is found again; any other model gets a fresh one.
 */
import { isCheckedModel, markChecked, type ModelFile } from './model-file';

// Internal label of the derived one-label model; never reported.
export const GATE_LABEL = 'practice-statement';

const derivedModels = new WeakMap<ModelFile, ModelFile>();

/** The gate of a model file as a one-label model, or undefined when the model has none. */
export function gateModelOf(model: ModelFile): ModelFile | undefined {
  const gate = model.gate;
  if (!gate) return undefined;
  let derived = derivedModels.get(model);
  if (derived) return derived;
  const metrics = { precision: 0, recall: 0, f1: 0 };
  derived = {
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
    derivedModels.set(model, derived);
  }
  return derived;
}
