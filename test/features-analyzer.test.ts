import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from '../src/text/analyzer';
import { DEFAULT_FEATURE_SETTINGS, extractTextFeatures, type FeatureSettings } from '../src/text/features';

const analyzer = createTextAnalyzer(model);
/** Unigrams with negation prefixes and stop words dropped: the policy at its most visible. */
const unigrams: FeatureSettings = { ngramRange: [1, 1], negation: true, negatedWords: false, stopWords: 'drop', lowercase: true, minCount: 1, binary: true };

/** [feature key, the text it points at] for every feature of `text`. */
const featuresOf = (text: string, settings: FeatureSettings): [string, string][] =>
  extractTextFeatures(analyzer.analyze(text), settings).map((f) => [f.key, text.slice(f.start, f.end)]);

describe('features of analysed text', () => {
  it.each([
    [
      'The health visitor did not see the baby alone.',
      [['health', 'health'], ['visitor', 'visitor'], ['not', 'not'], ['not_see', 'see'], ['not_baby', 'baby'], ['not_alone', 'alone']],
    ],
    ['Nobody spoke to the children on their own.', [['nobody', 'Nobody'], ['not_speak', 'spoke'], ['not_child', 'children'], ['not_own', 'own']]],
    [
      'Child T was seen by the GP on 12 March 2021.',
      [['child', 'Child'], ['<name>', 'T'], ['see', 'seen'], ['gp', 'GP'], ['<num>', '12'], ['<name>', 'March'], ['<num>', '2021']],
    ],
    [
      'Mr Harrowfield held 28 cases and supervision was rare.',
      [['<name>', 'Mr Harrowfield'], ['hold', 'held'], ['<num>', '28'], ['case', 'cases'], ['supervision', 'supervision'], ['rare', 'rare']],
    ],
    [
      "The mother didn't attend; the school escalated concerns.",
      [['mother', 'mother'], ['not', "n't"], ['not_attend', 'attend'], ['school', 'school'], ['escalate', 'escalated'], ['concern', 'concerns']],
    ],
  ])('%s', (text, expected) => {
    expect(featuresOf(text, unigrams)).toEqual(expected);
  });

  it('no fictional name becomes a feature, with default settings', () => {
    const text = 'Kayden and Amelia Okafor were visited by Sarah Whitlock, but Kayden was not seen alone.';
    const keys = extractTextFeatures(analyzer.analyze(text), DEFAULT_FEATURE_SETTINGS).map((f) => f.key);
    expect(keys.filter((k) => /kayden|amelia|okafor|sarah|whitlock/i.test(k))).toEqual([]);
    expect(keys).toContain('<name>');
    expect(keys).toContain('not see');
  });

  it('n-grams stay inside a sentence and across no punctuation', () => {
    const keys = extractTextFeatures(analyzer.analyze('The referral was late. Records were lost, then found.'), DEFAULT_FEATURE_SETTINGS).map((f) => f.key);
    expect(keys).toContain('be late');
    expect(keys).not.toContain('late record');
    expect(keys).not.toContain('lose then');
    expect(keys).toContain('then find');
  });
});
