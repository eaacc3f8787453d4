// The tagger's fast path scores features encoded as vocabulary rows. It must give
// exactly what predict() gives on the extracted string features, whatever the
// feature settings, for single sentences and for paragraphs of several.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { createClassifier, createTextAnalyzer, extractFeatures, parseCorpus, trainModel, type FeatureSettings } from '../src/index';

const corpus = parseCorpus(readFileSync(new URL('./fixtures/mini-corpus.jsonl', import.meta.url), 'utf8'));
const analyzer = createTextAnalyzer(languageModel);
const labels = ['housing', 'school-attendance'];
const texts = [
  ...corpus.map((u) => u.text),
  'Nobody asked the children what their day was like, and no referral was made; the GP was not told.',
  'Child T and Kayden Smith missed 4 appointments at Harrowfield Primary: the school did not follow up.',
];
const sentences = texts.map((t) => analyzer.analyze(t).sentences);

const settingsCases: [string, Partial<FeatureSettings>][] = [
  ['defaults', {}],
  ['trigrams', { ngramRange: [1, 3] }],
  ['bigrams only', { ngramRange: [2, 2] }],
  ['stop words dropped', { stopWords: 'drop' }],
  ['negation prefix', { negation: true }],
  ['counts, not presence', { binary: false, minCount: 1 }],
];

describe('classifier.predictEncoded', () => {
  it.each(settingsCases)('equals predict on extracted features (%s)', (_, features) => {
    const model = trainModel(corpus, { labels, analyzer, folds: 3, features });
    const classifier = createClassifier(model);
    for (const paragraph of sentences) {
      // Each sentence alone, then the paragraph as a whole.
      const spans = [...paragraph.map((s) => [s]), paragraph];
      for (const span of spans) {
        const extracted = span.flatMap((s) => extractFeatures(s.tokens, classifier.featureSettings));
        const encoded = span.map((s) => classifier.encode(s.tokens));
        expect(classifier.predictEncoded(encoded, { topK: 3 })).toEqual(classifier.predict(extracted, { topK: 3 }));
        expect(classifier.predictEncoded(encoded, { topK: 0 })).toEqual(classifier.predict(extracted, { topK: 0 }));
      }
    }
  });

  it('equals predict when a two-word key has parts outside the vocabulary (features given to training)', () => {
    const examples = corpus.map((u, i) => ({
      themes: u.themes,
      features: [...(i % 2 ? ['was damp', 'the school'] : ['did not']), 'the', 'was'],
    }));
    const classifier = createClassifier(trainModel(examples, { labels, analyzer, folds: 3, features: { minCount: 1 } }));
    for (const paragraph of sentences) {
      const extracted = paragraph.flatMap((s) => extractFeatures(s.tokens, classifier.featureSettings));
      const encoded = paragraph.map((s) => classifier.encode(s.tokens));
      expect(classifier.predictEncoded(encoded, { topK: 3 })).toEqual(classifier.predict(extracted, { topK: 3 }));
    }
  });
});
