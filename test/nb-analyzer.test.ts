import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/nb/classifier';
import { parseModel, serializeModel } from '../src/nb/model-file';
import { trainModel } from '../src/nb/train';
import { type TrainingExample } from '../src/nb/train-options';
import { extractTextFeatures } from '../src/text/features';
import { createTextAnalyzer } from '../src/text/analyzer';

const analyzer = createTextAnalyzer(model);

// A small synthetic corpus. "cancelled" marks missed-visits, "school" marks education;
// subjects and endings vary independently of both, and every review (group) holds every combination.
const subjects = ['The mother', 'The family', 'Her partner', 'The father', 'The grandmother', 'The carer'];
const endings = ['in the spring.', 'last year.', 'after the move.', 'during the summer.'];
const corpus: TrainingExample[] = [];
for (let g = 0; g < 6; g++) {
  for (let j = 0; j < 8; j++) {
    const missed = j % 2 === 0;
    const education = (j >> 1) % 2 === 0;
    const subject = subjects[(g + j) % subjects.length]!;
    const ending = endings[(g + (j >> 2)) % endings.length]!;
    const verb = missed ? 'cancelled the home visit' : 'talked about the weekend';
    const extra = education ? ' The school raised it with the teacher.' : '';
    corpus.push({
      id: `r${g}-${j}`,
      group: `review-${g}`,
      text: `${subject} ${verb} ${ending}${extra}`,
      themes: [...(missed ? ['missed-visits'] : []), ...(education ? ['education'] : [])],
    });
  }
}
const labels = ['missed-visits', 'education'];
const trained = trainModel(corpus, { labels, analyzer, name: 'synthetic' });
const classifier = createClassifier(parseModel(serializeModel(trained)));
const featuresOf = (text: string) => extractTextFeatures(analyzer.analyze(text), classifier.featureSettings);

describe('naive Bayes on analysed text', () => {
  it('learns the synthetic corpus under grouped cross-validation', () => {
    expect(trained.metrics.crossValidated.perLabel['missed-visits']!.f1).toBe(1);
    expect(trained.metrics.crossValidated.perLabel.education!.f1).toBe(1);
    expect(trained.calibration.method).toBe('platt');
  });

  it('the top feature for a label is the obvious word, and its span points at it', () => {
    const text = 'In the autumn the carer cancelled again.';
    const result = classifier.predict(featuresOf(text));
    const missed = result['missed-visits']!;
    expect(missed.probability).toBeGreaterThanOrEqual(classifier.thresholds['missed-visits']!);
    expect(missed.top[0]!.feature).toBe('cancel');
    expect(text.slice(missed.top[0]!.start, missed.top[0]!.end)).toBe('cancelled');
    expect(result.education!.probability).toBeLessThan(classifier.thresholds.education!);

    const school = 'The teacher at the school noticed.';
    const edu = classifier.predict(featuresOf(school)).education!;
    expect(edu.probability).toBeGreaterThanOrEqual(classifier.thresholds.education!);
    expect(['school', 'teacher', 'the school', 'the teacher']).toContain(edu.top[0]!.feature);
  });

  it('a 5,000-word input gives finite log-odds and probabilities in [0, 1], saturating only where doubles must', () => {
    const sentence = 'The mother cancelled the home visit and the school raised it with the teacher after the move. ';
    const words = sentence.trim().split(/\s+/).length;
    const text = sentence.repeat(Math.ceil(5000 / words));
    expect(text.split(/\s+/).length).toBeGreaterThanOrEqual(5000);
    const result = classifier.predict(featuresOf(text));
    for (const label of labels) {
      const { probability, logOdds } = result[label]!;
      expect(Number.isFinite(logOdds)).toBe(true);
      expect(probability).toBeGreaterThan(0);
      expect(probability).toBeLessThanOrEqual(1);
      if (probability === 1) expect(logOdds).toBeGreaterThan(36);
      if (logOdds < 36) expect(probability).toBeLessThan(1);
    }
  });

  it('varied long input: a mix of all the training texts stays finite and strictly inside (0, 1) or saturated only beyond |36|', () => {
    const text = Array.from({ length: 20 }, () => corpus.map((e) => e.text).join(' ')).join('\n\n');
    expect(text.split(/\s+/).length).toBeGreaterThan(5000);
    for (const { probability, logOdds } of Object.values(classifier.predict(featuresOf(text)))) {
      expect(Number.isNaN(probability)).toBe(false);
      expect(Number.isFinite(logOdds)).toBe(true);
      if (Math.abs(logOdds) < 36) {
        expect(probability).toBeGreaterThan(0);
        expect(probability).toBeLessThan(1);
      }
    }
  });
});
