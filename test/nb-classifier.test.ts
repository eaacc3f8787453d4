import { describe, expect, it } from 'vitest';
import { isInputError } from '../src/errors';
import { createClassifier } from '../src/nb/classifier';
import { trainModel } from '../src/nb/train';
import { type TrainingExample, type TrainOptions } from '../src/nb/train-options';
import type { Feature } from '../src/text/features';

// A synthetic corpus: "dog" marks pets, "rain" marks weather; the rest is filler shared by both.
const filler = ['today', 'house', 'walk', 'morning', 'street', 'garden'];
// Six groups of eight: every group holds every label combination twice, and the
// filler words rotate with the group, so only "dog" and "rain" carry signal.
const corpus: TrainingExample[] = Array.from({ length: 48 }, (_, i) => {
  const g = i >> 3;
  const j = i & 7;
  const pets = j % 2 === 0;
  const weather = (j >> 1) % 2 === 0;
  const features = [filler[((j >> 2) + g) % 6]!, filler[(g + 3) % 6]!, ...(pets ? ['dog'] : []), ...(weather ? ['rain'] : [])];
  return { id: `s${i}`, group: `g${g}`, features, themes: [...(pets ? ['pets'] : []), ...(weather ? ['weather'] : [])] };
});
const model = trainModel(corpus, { labels: ['pets', 'weather'], features: { minCount: 1 } });

const sentence = (text: string): Feature[] => {
  const out: Feature[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ key: m[0], start: m.index, end: m.index + m[0].length });
  return out;
};

describe('createClassifier', () => {
  const classifier = createClassifier(model);

  it('the corpus is separable, and grouped cross-validation says so', () => {
    expect(model.metrics.crossValidated.perLabel.pets!.f1).toBe(1);
    expect(model.metrics.crossValidated.perLabel.weather!.f1).toBe(1);
    expect(model.metrics.crossValidated.macro.f1).toBe(1);
  });

  it('scores each label independently, and the top feature is the obvious word, with its span', () => {
    const text = 'morning dog garden';
    const result = classifier.predict(sentence(text));
    expect(Object.keys(result)).toEqual(['pets', 'weather']);
    expect(result.pets!.probability).toBeGreaterThan(classifier.thresholds.pets!);
    expect(result.weather!.probability).toBeLessThan(classifier.thresholds.weather!);
    const top = result.pets!.top[0]!;
    expect(top.feature).toBe('dog');
    expect(text.slice(top.start, top.end)).toBe('dog');
    expect(top.weight).toBeGreaterThan(0);
    expect(result.weather!.top.map((t) => t.feature)).not.toContain('dog');
  });

  it('both labels, or none, are normal answers', () => {
    const both = classifier.predict(sentence('rain dog'));
    expect(both.pets!.probability).toBeGreaterThan(classifier.thresholds.pets!);
    expect(both.weather!.probability).toBeGreaterThan(classifier.thresholds.weather!);
    expect(both.weather!.top[0]!.feature).toBe('rain');
    const none = classifier.predict(sentence('house street'));
    expect(none.pets!.probability).toBeLessThan(classifier.thresholds.pets!);
    expect(none.weather!.probability).toBeLessThan(classifier.thresholds.weather!);
  });

  it('top lists only features that weigh FOR the label, strongest first, at most topK, first occurrence', () => {
    const text = 'dog rain dog today walk house garden morning street';
    const result = classifier.predict(sentence(text), { topK: 3 });
    for (const label of classifier.labels) {
      const top = result[label]!.top;
      expect(top.length).toBeLessThanOrEqual(3);
      top.forEach((t, i) => {
        expect(t.weight).toBeGreaterThan(0);
        if (i > 0) expect(t.weight).toBeLessThanOrEqual(top[i - 1]!.weight);
      });
    }
    expect(result.pets!.top[0]).toMatchObject({ feature: 'dog', start: 0, end: 3 });
    expect(classifier.predict(sentence(text), { topK: 0 }).pets!.top).toEqual([]);
  });

  it('the sum of contributions is the evidence: logOdds minus the log-odds of an empty input', () => {
    const empty = classifier.predict([]).pets!.logOdds;
    const result = classifier.predict(sentence('dog'), { topK: 10 }).pets!;
    expect(result.logOdds - empty).toBeCloseTo(result.top[0]!.weight, 12);
  });

  it('breaks ties deterministically by feature key', () => {
    // "x" and "y" each occur only in one pets example: equal weights.
    const tied = trainModel(
      [
        { id: 'a', features: ['x', 'y', 'z'], themes: ['pets'] },
        { id: 'b', features: ['x', 'y', 'z'], themes: ['pets'] },
        { id: 'c', features: ['w', 'z'], themes: [] },
        { id: 'd', features: ['w', 'z'], themes: [] },
      ],
      { labels: ['pets'], features: { minCount: 1 } },
    );
    const c = createClassifier(tied);
    expect(c.predict(sentence('y x')).pets!.top.map((t) => t.feature)).toEqual(['x', 'y']);
    expect(c.predict(sentence('x y')).pets!.top.map((t) => t.feature)).toEqual(['x', 'y']);
  });

  it('is immutable and repeatable', () => {
    expect(Object.isFrozen(classifier)).toBe(true);
    expect(Object.isFrozen(classifier.labels)).toBe(true);
    expect(Object.isFrozen(classifier.thresholds)).toBe(true);
    const input = sentence('dog rain garden');
    const first = classifier.predict(input);
    classifier.predict(sentence('house street walk'));
    expect(classifier.predict(input)).toEqual(first);
    expect(classifier.featureSettings).toEqual(model.features);
  });

  it('rejects a bad topK', () => {
    expect(() => classifier.predict([], { topK: -1 })).toThrowError(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    try {
      classifier.predict([], { topK: 1.5 });
    } catch (error) {
      expect(isInputError(error)).toBe(true);
    }
  });
});

describe('trainModel input checks', () => {
  const labels = ['pets', 'weather'];
  it.each([
    ['no labels', corpus, { labels: [] }, 'INVALID_OPTIONS'],
    ['a label that is not kebab-case', corpus, { labels: ['Pets'] }, 'INVALID_OPTIONS'],
    ['duplicate labels', corpus, { labels: ['pets', 'pets'] }, 'INVALID_OPTIONS'],
    ['a reversed n-gram range', corpus, { labels, features: { ngramRange: [3, 1] as [number, number] } }, 'INVALID_OPTIONS'],
    ['alpha 0', corpus, { labels, alpha: 0 }, 'INVALID_OPTIONS'],
    ['a misspelt feature setting', corpus, { labels, features: { minCont: 1 } } as unknown as TrainOptions, 'INVALID_OPTIONS'],
    ['a theme that is not a label', corpus, { labels: ['pets'] }, 'UNKNOWN_THEME'],
    ['text without an analyzer', [{ text: 'dog', themes: [] }], { labels }, 'INVALID_CORPUS'],
    ['neither text nor features', [{ themes: [] }], { labels }, 'INVALID_CORPUS'],
    ['themes not an array', [{ features: ['dog'], themes: 'pets' }], { labels }, 'INVALID_CORPUS'],
    ['a label without positives', corpus.map((e) => ({ ...e, themes: e.themes.filter((t) => t !== 'weather') })), { labels }, 'INVALID_CORPUS'],
    ['a single group', corpus.map((e) => ({ ...e, group: 'one' })), { labels }, 'INVALID_CORPUS'],
    ['no examples', [], { labels }, 'INVALID_CORPUS'],
  ])('rejects %s', (_name, examples, options, code) => {
    expect(() => trainModel(examples as TrainingExample[], options)).toThrowError(expect.objectContaining({ code }));
  });

  it('names the offending example by JSON path', () => {
    try {
      trainModel([...corpus, { id: 'bad', features: ['dog'], themes: ['pets', 'cats'] }], { labels });
      expect.unreachable();
    } catch (error) {
      expect((error as { issues: unknown }).issues).toEqual([{ path: [48, 'themes', 1], message: expect.stringContaining('"cats"') }]);
    }
  });
});
