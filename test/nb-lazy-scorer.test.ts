/** The tagger's lazy scorer (top features only when asked for) agrees with predictEncoded. */
import { describe, expect, it } from 'vitest';
import { createClassifier, lazyScorerOf } from '../src/nb/classifier';
import { trainModel } from '../src/nb/train';
import { type TrainingExample } from '../src/nb/train-options';
import type { EncodedFeatures } from '../src/text/feature-encoding';

const words = ['dog', 'rain', 'cat', 'sun', 'walk', 'garden', 'street'];
const corpus: TrainingExample[] = Array.from({ length: 40 }, (_, i) => {
  const pets = i % 2 === 0;
  const weather = (i >> 1) % 2 === 0;
  const features = [words[4 + (i % 3)]!, ...(pets ? [words[i % 4 === 0 ? 0 : 2]!] : []), ...(weather ? [words[i % 8 < 4 ? 1 : 3]!] : [])];
  return { id: `u${i}`, themes: [...(pets ? ['pets'] : []), ...(weather ? ['weather'] : [])], features: features.map((key, k) => ({ key, start: k * 10, end: k * 10 + key.length })) };
});
const model = trainModel(corpus, { labels: ['pets', 'weather'], features: { minCount: 1 } });

/** One sentence of the given words, as vocabulary rows (unknown words left out). */
function encoded(text: string): EncodedFeatures {
  const triples: number[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const row = model.vocabulary.indexOf(m[0]);
    if (row >= 0) triples.push(row, m.index, m.index + m[0].length);
  }
  return { triples };
}

describe('lazyScorerOf', () => {
  const classifier = createClassifier(model);

  it.each([['dog rain garden'], ['cat cat sun walk'], ['street'], ['nothing known']])('gives the log-odds and top features of predictEncoded for %j', (text) => {
    const input = [encoded(text), encoded('walk dog')];
    const expected = classifier.predictEncoded(input, { topK: 2 });
    const scorer = lazyScorerOf(classifier)!;
    const logOdds = scorer.score(input);
    classifier.labels.forEach((label, l) => {
      expect(logOdds[l]).toBe(expected[label]!.logOdds);
      expect(scorer.top(l, 2)).toEqual(expected[label]!.top);
      expect(scorer.top(l, 0)).toEqual([]);
    });
  });

  it('is one scorer per classifier, none for other objects', () => {
    expect(lazyScorerOf(classifier)).toBe(lazyScorerOf(classifier));
    expect(lazyScorerOf({ ...classifier })).toBeUndefined();
  });
});
