import { describe, expect, it } from 'vitest';
import { isModelError, ModelError } from '../src/errors';
import { createClassifier } from '../src/nb/classifier';
import { modelContentHash, modelJsonSchema, parseModel, safeParseModel, serializeModel, type ModelFile } from '../src/nb/model-file';
import { trainModel } from '../src/nb/train';
import { type TrainingExample } from '../src/nb/train-options';

const words = ['visit', 'cancel', 'refer', 'share', 'manager', 'caseload', 'child', 'voice', 'home', 'school'];
const examples: TrainingExample[] = Array.from({ length: 24 }, (_, i) => {
  const features = [words[i % 10]!, words[(i * 3) % 10]!, words[(i * 7 + 1) % 10]!];
  const themes = [
    ...(features.includes('cancel') || features.includes('visit') ? ['reluctant-engagement'] : []),
    ...(features.includes('refer') || features.includes('share') ? ['information-sharing'] : []),
  ];
  return { id: `ex-${i}`, group: `review-${i % 6}`, features, themes };
});
const labels = ['reluctant-engagement', 'information-sharing'];
const train = (): ModelFile => trainModel(examples, { labels, name: 'fixture', features: { minCount: 1 } });

/** Expects `fn` to throw a ModelError with this code, and returns it. */
function modelError(fn: () => unknown, code: string): ModelError {
  try {
    fn();
  } catch (error) {
    expect(isModelError(error)).toBe(true);
    expect((error as ModelError).code).toBe(code);
    return error as ModelError;
  }
  throw new Error('expected a ModelError');
}

describe('model file', () => {
  it('is self-describing', () => {
    const model = train();
    expect(model.format).toBe('practice-themes-nb');
    expect(model.version).toBe(1);
    expect(model.labels).toEqual(labels);
    expect(Object.keys(model.thresholds)).toEqual(labels);
    expect(model.training.examples).toBe(24);
    expect(model.training.corpusHash).toMatch(/^[0-9a-f]{64}$/);
    expect(model.training.labelCounts['information-sharing']).toBe(examples.filter((e) => e.themes.includes('information-sharing')).length);
    expect(model.metrics.crossValidated.folds).toBe(5);
    expect(model.vocabulary).toEqual([...words].sort());
    expect(model.counts['reluctant-engagement']!.pos).toHaveLength(words.length);
  });

  it('round-trips through serializeModel and parseModel', () => {
    const model = train();
    const text = serializeModel(model);
    const parsed = parseModel(text, { file: 'model.json' });
    const stamped = { ...model, contentHash: modelContentHash(model) };
    expect(parsed).toEqual(stamped);
    expect(serializeModel(parsed)).toBe(text);
    expect(parseModel(JSON.parse(text))).toEqual(stamped);
    expect(parseModel('\uFEFF' + text)).toEqual(stamped);
    const input = [{ key: 'cancel', start: 0, end: 6 }, { key: 'refer', start: 7, end: 12 }];
    expect(createClassifier(parsed).predict(input)).toEqual(createClassifier(model).predict(input));
  });

  it('serialises with the header first and in a stable key order', () => {
    const model = train();
    const text = serializeModel(model);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format', 'version', 'contentHash', 'name', 'labels', 'thresholds', 'variant', 'smoothing', 'lengthNorm', 'calibration', 'features', 'training', 'metrics', 'vocabulary', 'counts',
    ]);
    // Same content, keys in another order: same text.
    const shuffled = Object.fromEntries(Object.entries(model).reverse()) as ModelFile;
    expect(serializeModel(shuffled)).toBe(text);
    expect(text.startsWith('{\n  "format": "practice-themes-nb",\n  "version": 1,\n')).toBe(true);
  });

  it('training is deterministic: twice, or with examples reordered, gives byte-identical JSON', () => {
    const text = serializeModel(train());
    expect(serializeModel(train())).toBe(text);
    const reordered = trainModel([...examples].reverse(), { labels, name: 'fixture', features: { minCount: 1 } });
    expect(serializeModel(reordered)).toBe(text);
  });

  it.each([
    ['another version', (m: Record<string, unknown>) => ({ ...m, version: 2 }), /expected practice-themes-nb version 1, got format "practice-themes-nb" version 2/],
    ['another format', (m: Record<string, unknown>) => ({ ...m, format: 'fasttext' }), /expected practice-themes-nb version 1, got format "fasttext" version 1/],
    ['no header', () => ({ labels: ['x'] }), /got format \(missing\) version \(missing\)/],
  ])('rejects %s with MODEL_VERSION', (_name, change, message) => {
    const model = JSON.parse(serializeModel(train())) as Record<string, unknown>;
    const error = modelError(() => parseModel(change(model), { file: 'm.json' }), 'MODEL_VERSION');
    expect(error.message).toMatch(message);
    expect(error.message).toContain('m.json');
  });

  it('rejects truncated JSON with INVALID_MODEL, naming the file', () => {
    const text = serializeModel(train());
    const error = modelError(() => parseModel(text.slice(0, text.length >> 1), { file: 'models/broken.json' }), 'INVALID_MODEL');
    expect(error.message).toMatch(/models\/broken\.json.*not valid JSON/);
    expect(error.file).toBe('models/broken.json');
  });

  it('reports the line of a JSON syntax error', () => {
    const error = modelError(() => parseModel('{\n  "format": "practice-themes-nb",\n  "version": 1,\n  oops\n}'), 'INVALID_MODEL');
    expect(error.line).toBe(4);
  });

  it.each([
    ['a count array not aligned to the vocabulary', (m: ModelFile) => { m.counts['information-sharing']!.neg.pop(); }, ['counts', 'information-sharing', 'neg'], /9 entries but the vocabulary has 10/],
    ['a threshold missing', (m: ModelFile) => { delete m.thresholds['reluctant-engagement']; }, ['thresholds'], /missing label "reluctant-engagement"/],
    ['counts for a label the model does not have', (m: ModelFile) => { m.counts['leadership-culture'] = m.counts['information-sharing']!; }, ['counts', 'leadership-culture'], /not one of the model's labels/],
    ['an unsorted vocabulary', (m: ModelFile) => { m.vocabulary.reverse(); }, ['vocabulary', 1], /sorted and unique/],
    ['a duplicate label', (m: ModelFile) => { m.labels.push('information-sharing'); }, ['labels', 2], /listed twice/],
    ['a negative count', (m: ModelFile) => { m.counts['information-sharing']!.pos[3] = -1; }, ['counts', 'information-sharing', 'pos', 3], /./],
    ['a threshold above 1', (m: ModelFile) => { m.thresholds['information-sharing'] = 1.5; }, ['thresholds', 'information-sharing'], /./],
    ['a label that is not kebab-case', (m: ModelFile) => { m.labels[0] = 'Reluctant Engagement'; }, ['labels', 0], /kebab-case/],
    ['an unknown top-level field', (m: ModelFile) => { (m as Record<string, unknown>).extra = 1; }, [], /extra/],
  ])('rejects %s with INVALID_MODEL and its JSON path', (_name, damage, path, message) => {
    const model = JSON.parse(serializeModel(train())) as ModelFile;
    damage(model);
    const error = modelError(() => parseModel(model), 'INVALID_MODEL');
    const issue = error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path) && message.test(i.message));
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
  });

  it('createClassifier refuses a model whose arrays are not aligned', () => {
    const model = train();
    const damaged = { ...model, counts: { ...model.counts, 'information-sharing': { pos: [1], neg: [1] } } };
    modelError(() => createClassifier(damaged), 'INVALID_MODEL');
  });

  it('safeParseModel returns the error instead of throwing', () => {
    const ok = safeParseModel(serializeModel(train()));
    expect(ok.success).toBe(true);
    const bad = safeParseModel('{"format":"practice-themes-nb","version":7}');
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.code).toBe('MODEL_VERSION');
  });

  it('publishes a JSON Schema with the header fields', () => {
    const schema = modelJsonSchema() as { properties: Record<string, { const?: unknown }>; required: string[] };
    expect(schema.properties.format!.const).toBe('practice-themes-nb');
    expect(schema.properties.version!.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'labels', 'thresholds', 'features', 'training', 'metrics', 'vocabulary', 'counts']));
  });
});
