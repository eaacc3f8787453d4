// The practice gate, example weights, the calibration subset and fused thresholds:
// training learns them, the model file carries them, the classifier scores them.
import { describe, expect, it } from 'vitest';
import { isInputError, isModelError } from '../src/errors';
import { createClassifier } from '../src/nb/classifier';
import { createPracticeGate } from '../src/nb/gate';
import { fitFusion, ungatedScore } from '../src/nb/fused-thresholds';
import { parseModel, serializeModel } from '../src/nb/model-file';
import { trainModel } from '../src/nb/train';
import { type TrainingExample } from '../src/nb/train-options';
import { gateFactor, fuseTheme } from '../src/fuse/fuse';
import type { Feature } from '../src/text/features';

// "finding" passages state practice (and carry a theme), "story" passages are narrative with
// the same domain word; "dog" marks the pets theme only inside findings.
const filler = ['today', 'house', 'walk', 'morning', 'street', 'garden'];
const corpus: TrainingExample[] = Array.from({ length: 60 }, (_, i) => {
  const g = i % 6;
  const kind = i % 3; // 0: pets finding, 1: other finding, 2: narrative
  const features = [filler[g]!, filler[(g + 2) % 6]!, 'dog', ...(kind < 2 ? ['missed', 'should'] : ['born', 'lived'])];
  return { id: `u${i}`, group: `g${g}`, features, themes: kind === 0 ? ['pets'] : kind === 1 ? ['other'] : [] };
});
const labels = ['other', 'pets'];
const opts = { labels, features: { minCount: 1 } } as const;
const keysOf = (...words: string[]): Feature[] => words.map((key) => ({ key, start: 0, end: 0 }));

describe('the practice gate', () => {
  const model = trainModel(corpus, { ...opts, gate: true });

  it('is learned as "any label" against "none", stored with its own counts and threshold', () => {
    expect(model.gate).toBeDefined();
    expect(model.gate!.positives).toBe(40);
    expect(model.gate!.counts.pos).toHaveLength(model.vocabulary.length);
    expect(model.gate!.threshold).toBeGreaterThanOrEqual(0);
    expect(model.gate!.threshold).toBeLessThan(1);
    expect(model.labels).toEqual(labels); // the gate is not a label
  });

  it('scores findings as practice and narrative as not', () => {
    const gate = createPracticeGate(model)!;
    expect(gate.practice(keysOf('dog', 'missed', 'should'))).toBeGreaterThan(0.8);
    expect(gate.practice(keysOf('dog', 'born', 'lived'))).toBeLessThan(0.2);
  });

  it('round-trips through the model file, and a gate count array of the wrong length is refused', () => {
    const text = serializeModel(model);
    expect(serializeModel(parseModel(text))).toBe(text);
    const damaged = JSON.parse(text);
    damaged.gate.counts.pos.pop();
    try {
      parseModel(damaged);
      expect.fail('a damaged gate loaded');
    } catch (error) {
      expect(isModelError(error)).toBe(true);
      expect(JSON.stringify((error as { issues?: unknown }).issues)).toContain('gate');
    }
  });

  it('is absent when not asked for, and in `auto` without calibration examples or rule scores', () => {
    expect(trainModel(corpus, { ...opts, gate: false }).gate).toBeUndefined();
    expect(trainModel(corpus, opts).gate).toBeUndefined();
    expect(trainModel(corpus.map((e) => ({ ...e, ruleScores: {} })), opts).gate).toBeDefined();
  });

  it('needs examples with and without labels', () => {
    const allLabelled = corpus.filter((e) => e.themes.length > 0);
    try {
      trainModel(allLabelled, { ...opts, gate: true });
      expect.fail('trained a gate without negatives');
    } catch (error) {
      expect(isInputError(error)).toBe(true);
    }
    expect(createPracticeGate(trainModel(allLabelled, opts))).toBeUndefined();
  });
});

describe('example weights and the calibration subset', () => {
  it('a weight of k counts an example k times', () => {
    const once = trainModel(corpus, opts);
    const doubled = trainModel([...corpus, ...corpus.slice(0, 3).map((e) => ({ ...e, id: `${e.id}-copy` }))], opts);
    const weighted = trainModel(corpus.map((e, i) => (i < 3 ? { ...e, weight: 2 } : e)), opts);
    expect(weighted.counts).toEqual(doubled.counts);
    expect(weighted.training.examples).toBe(63);
    expect(weighted.training.labelCounts).toEqual(doubled.training.labelCounts);
    expect(weighted.training.corpusHash).not.toBe(once.training.corpusHash);
  });

  it('fits thresholds on the marked examples only and records which', () => {
    const marked = corpus.map((e, i) => ({ ...e, calibrate: i % 2 === 0 }));
    const model = trainModel(marked, { ...opts, calibrationDescription: 'every other unit' });
    expect(model.training.calibration).toEqual({ description: 'every other unit', examples: 30, groups: 3, weight: 1 }); // even ids fall in groups 0, 2 and 4
    expect(model.metrics.crossValidated.perLabel.pets!.support).toBe(20); // support counts all training examples
  });

  it('refuses a calibration subset that is empty', () => {
    expect(() => trainModel(corpus.map((e) => ({ ...e, calibrate: false })), opts)).toThrow(/calibrate/);
  });
});

describe('fitting the fused decision', () => {
  it('without practice scores fits no gate; thresholds separate the classes', () => {
    const fit = fitFusion({ probabilities: [[0.9, 0.8, 0.2, 0.1]], ruleScores: [[0, 0, 0, 0]], truth: [[true, true, false, false]] });
    expect(fit.gateThreshold).toBe(0);
    expect(fit.confusions[0]).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('picks a gate when rules fire on narrative that the gate recognises', () => {
    // Rules fire strongly on all four; two are narrative (low practice probability) and carry no theme.
    const fit = fitFusion({
      probabilities: [[0.6, 0.6, 0.6, 0.6]],
      ruleScores: [[0.9, 0.9, 0.9, 0.9]],
      truth: [[true, true, false, false]],
      practice: [0.9, 0.8, 0.1, 0.05],
    });
    expect(fit.gateThreshold).toBeGreaterThan(0);
    expect(fit.confusions[0]).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('the gated fused score is the fused score times min(1, g / tau)', () => {
    expect(gateFactor(0.9, 0.4)).toBe(1);
    expect(gateFactor(0.2, 0.4)).toBeCloseTo(0.5, 12);
    expect(gateFactor(0.2, 0)).toBe(1);
    const open = fuseTheme(0.9, undefined, 'fused');
    const gated = fuseTheme(0.9, undefined, 'fused', { practice: 0.1, threshold: 0.4 });
    expect(gated.score).toBeCloseTo(open.score * 0.25, 12);
    expect(gated.tagged).toBe(false);
    expect(fuseTheme(0.9, undefined, 'rules', { practice: 0.1, threshold: 0.4 }).score).toBeCloseTo(0.9, 12); // rules-only ablation has no gate
  });

  it("the fit's fused score is fuseTheme's, to the bit (the fit inlines it)", () => {
    const values = [0, 1e-9, 0.05, 0.3, 0.4999999, 0.5, 0.73, 0.999, 1];
    for (const r of values) {
      for (const p of values) {
        for (const t of [1e-12, 0.05, 0.317, 0.5, 0.81, 1]) {
          expect(ungatedScore(r, p, t)).toBe(fuseTheme(r, { probability: p, threshold: t }).score);
        }
      }
    }
  });

  it('a classifier of a gated model predicts the labels as before', () => {
    const model = trainModel(corpus, { ...opts, gate: true });
    const classifier = createClassifier(model);
    expect(Object.keys(classifier.predict(keysOf('dog', 'missed')))).toEqual(labels);
  });
});
