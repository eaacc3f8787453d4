// The shipped model and rules against the shipped corpus: the model retrains
// byte-for-byte from corpus/, and the tagger clears a quality floor on the corpus
// test split, which training never sees. Floors, never exact scores.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { createTextAnalyzer, evaluate, serializeModel, trainModel, trainingExamplesOf, ruleScoresFrom, parseModel, DEFAULT_REAL_WEIGHT, REAL_REGISTER_DESCRIPTION, type CorpusUnit, type Tagger } from '../src/index';
import { defaultModelPath, loadDefaultTagger, loadModel, readCorpus } from '../src/node';

let units: CorpusUnit[];
let tagger: Tagger;

beforeAll(async () => {
  units = await readCorpus('corpus');
  tagger = await loadDefaultTagger();
});

describe('the shipped model file', () => {
  it('is self-describing: format, version, labels, thresholds, feature settings, corpus hash, cross-validated metrics', async () => {
    const model = await loadModel();
    expect(model.format).toBe('practice-themes-nb');
    expect(model.version).toBe(1);
    expect(model.labels.length).toBeGreaterThan(0);
    for (const label of model.labels) {
      expect(model.thresholds[label]).toBeGreaterThan(0);
      expect(model.thresholds[label]).toBeLessThan(1);
      expect(model.metrics.crossValidated.perLabel[label]!.f1).toBeGreaterThan(0);
    }
    expect(model.training.corpusHash).toMatch(/^[0-9a-f]{64}$/);
    expect(model.features.ngramRange).toEqual([1, 2]);
  });

  it('retrains from corpus/ (train split) to exactly the shipped file', async () => {
    const train = units.filter((u) => u.split === 'train');
    const shipped = readFileSync(defaultModelPath(), 'utf8');
    const labels = parseModel(JSON.parse(shipped)).labels;
    // As `practice-themes train corpus` does: real-register units weighted and calibrated on, rule scores from the shipped rules.
    const rules = await loadDefaultTagger({ modelFile: false });
    const retrained = trainModel(trainingExamplesOf(train, { ruleScores: ruleScoresFrom(rules) }), {
      labels,
      analyzer: createTextAnalyzer(languageModel),
      name: 'practice-themes-default',
      calibrationDescription: REAL_REGISTER_DESCRIPTION,
    });
    expect(serializeModel(retrained)).toBe(shipped);
  }, 300_000); // training with cross-validation and rule scores over ~10,000 units: ~30 s alone, more on a busy machine

  it('was trained on no unit of the test split', async () => {
    const model = await loadModel();
    const train = units.filter((u) => u.split === 'train');
    const weighted = train.reduce((n, u) => n + (u.source_url ? DEFAULT_REAL_WEIGHT : 1), 0);
    expect(model.training.examples).toBe(weighted);
    expect(model.training.calibration?.examples).toBe(train.filter((u) => u.source_url).length);
  });
});

describe('quality floor on the corpus test split (held out from training)', () => {
  const floor = { macro: 0.6, perTheme: 0.5 };

  it(`fused tagger: macro-F1 >= ${floor.macro}, every theme F1 >= ${floor.perTheme}`, () => {
    const test = units.filter((u) => u.split === 'test');
    const predicted = test.map((u) => ({ id: u.id, themes: tagger.tag(u.text).themes }));
    const report = evaluate(test, predicted, { themes: tagger.themes });
    expect(report.macro.f1).toBeGreaterThanOrEqual(floor.macro);
    for (const row of report.perTheme) expect(row.f1, row.theme).toBeGreaterThanOrEqual(floor.perTheme);
    expect(report.perTheme.map((r) => r.theme)).toEqual([...tagger.themes]);
  });

  it('fusing rules and model does better than rules alone', () => {
    const test = units.filter((u) => u.split === 'test');
    const score = (t: Tagger) => evaluate(test, test.map((u) => ({ id: u.id, themes: t.tag(u.text).themes })), { themes: t.themes }).macro.f1;
    expect(score(tagger)).toBeGreaterThan(score(tagger.extend({ mode: 'rules' })));
  });
});
