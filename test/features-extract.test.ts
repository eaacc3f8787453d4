import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_SETTINGS, extractFeatures, extractTextFeatures, featureSettingsSchema, type FeatureSettings } from '../src/text/features';
import type { AnalyzedText, Token } from '../src/text/types';

/**
 * Hand-made tokens, so the policy is tested apart from the tagger:
 * "word/POS" with flags after a colon: n = negated, s = stop word.
 * Kind comes from the POS (PUNCT -> punctuation, NUM with a digit -> number).
 */
function tokens(spec: string): Token[] {
  let offset = 0;
  return spec.split(' ').map((item) => {
    const [body, flags = ''] = item.split(':');
    const [text, pos = 'NOUN', lemma] = body!.split('/');
    const start = offset;
    offset += text!.length + 1;
    const kind = pos === 'PUNCT' ? 'punctuation' : pos === 'SYM' ? 'symbol' : /\d/.test(text!) ? 'number' : 'word';
    return {
      text: text!,
      norm: text!.toLowerCase(),
      lemma: lemma ?? text!.toLowerCase(),
      start,
      end: start + text!.length,
      negated: flags.includes('n'),
      kind,
      pos,
      stop: flags.includes('s'),
    } satisfies Token;
  });
}

/** The policy table runs with negation on and stop words dropped, to show both at work. */
const base: FeatureSettings = { ...DEFAULT_FEATURE_SETTINGS, negation: true, stopWords: 'drop' };
const keys = (spec: string, settings: Partial<FeatureSettings> = {}): string[] =>
  extractFeatures(tokens(spec), { ...base, ...settings }).map((f) => f.key);

describe('extractFeatures policy', () => {
  it.each([
    ['lemmas as unigrams, adjacent pairs as bigrams', 'visits/NOUN/visit were/AUX/be:s cancelled/VERB/cancel', ['visit', 'cancel', 'visit cancel']],
    ['negated words get not_; the negator is the plain word "not"', 'did/AUX/do:s not/PART/not:n visit/VERB:n child/NOUN:n', ['not', 'not_visit', 'not_child', 'not not_visit', 'not_visit not_child']],
    ["n't is the word not", "could/AUX:s n't/PART/not see/VERB:n", ['not', 'not_see', 'not not_see']],
    ['negation off keeps plain words', 'not/PART/not:n visit/VERB:n', ['not', 'visit', 'not visit'], { negation: false, negatedWords: false }],
    ['negatedWords adds not_<word> for negated content words, keeping the plain ones', 'nobody/PRON/nobody:s asked/VERB/ask:n the/DET:s:n children/NOUN/child:n', ['nobody', 'ask', 'the', 'child', 'nobody ask', 'ask the', 'the child', 'not_ask', 'not_child'], { negation: false, negatedWords: true, stopWords: 'keep' }],
    ['negatedWords skips stop words, names and numbers in the scope', 'not/PART/not:n Amy/PROPN:n or/CCONJ:s:n 3/NUM:n visits/NOUN/visit:n', ['not', '<name>', '<num>', 'visit', 'not <name>', '<name> <num>', '<num> visit', 'not_visit'], { negation: false, negatedWords: true }],
    ['numbers become <num> and are never stop words', '28/NUM cases/NOUN/case four/NUM:s visits/NOUN/visit', ['<num>', 'case', '<num>', 'visit', '<num> case', 'case <num>', '<num> visit']],
    ['proper nouns become one <name> per run', 'Child/PROPN T/PROPN saw/VERB/see Kayden/PROPN', ['<name>', 'see', '<name>', '<name> see', 'see <name>']],
    ['names split by a stop word stay two names', 'Amy/PROPN and/CCONJ:s Ben/PROPN', ['<name>', '<name>', '<name> <name>']],
    ['acronyms are agencies, not names', 'the/DET:s GP/PROPN/gp and/CCONJ:s CAMHS/PROPN/camhs', ['gp', 'camhs', 'gp camhs']],
    ['a negated name', 'not/PART/not Amy/PROPN:n', ['not', 'not_<name>', 'not not_<name>']],
    ['punctuation is dropped and breaks n-grams', 'home/NOUN visit/NOUN ,/PUNCT school/NOUN', ['home', 'visit', 'school', 'home visit']],
    ['symbols break n-grams too', 'risk/NOUN %/SYM plan/NOUN', ['risk', 'plan']],
    ['bigrams bridge stop words', 'brought/VERB/bring to/ADP:s the/DET:s clinic/NOUN', ['bring', 'clinic', 'bring clinic']],
    ['possessive particle dropped', 'mother/NOUN \'s/PART partner/NOUN', ['mother', 'partner', 'mother partner']],
    ['stop-word policy keep', 'seen/VERB/see by/ADP:s the/DET:s school/NOUN', ['see', 'by', 'the', 'school', 'see by', 'by the', 'the school'], { stopWords: 'keep' as const }],
    ['unigrams only', 'home/NOUN visit/NOUN', ['home', 'visit'], { ngramRange: [1, 1] as [number, number] }],
    ['bigrams and trigrams only', 'no/DET home/NOUN visit/NOUN', ['no home', 'home visit', 'no home visit'], { ngramRange: [2, 3] as [number, number] }],
    ['lowercase on', 'Strategy/NOUN/Strategy', ['strategy']],
    ['lowercase off keeps the lemma as given', 'Strategy/NOUN/Strategy', ['Strategy'], { lowercase: false }],
    ['nothing but stop words and punctuation', 'it/PRON:s was/AUX:s ./PUNCT', []],
  ] as [string, string, string[], Partial<FeatureSettings>?][])('%s', (_name, spec, expected, settings) => {
    expect(keys(spec, settings)).toEqual(expected);
  });

  it('defaults: stop words kept, no negation prefix, unigrams and bigrams, negated words also as not_<word>', () => {
    expect(extractFeatures(tokens('was/AUX/be:s not/PART/not seen/VERB/see:n alone/ADV:n'), DEFAULT_FEATURE_SETTINGS).map((f) => f.key)).toEqual([
      'be', 'not', 'see', 'alone', 'be not', 'not see', 'see alone', 'not_see', 'not_alone',
    ]);
  });

  it('gives each feature the character span it came from (an n-gram spans its parts)', () => {
    const toks = tokens('Child/PROPN T/PROPN was/AUX:s not/PART/not seen/VERB/see:n alone/ADV:n');
    const text = 'Child T was not seen alone';
    const features = extractFeatures(toks, base);
    expect(features.map((f) => [f.key, text.slice(f.start, f.end)])).toEqual([
      ['<name>', 'Child T'],
      ['not', 'not'],
      ['not_see', 'seen'],
      ['not_alone', 'alone'],
      ['<name> not', 'Child T was not'],
      ['not not_see', 'not seen'],
      ['not_see not_alone', 'seen alone'],
    ]);
  });

  it('extractTextFeatures concatenates sentences and never makes an n-gram across them', () => {
    const first = tokens('home/NOUN visit/NOUN');
    const second = tokens('school/NOUN nurse/NOUN');
    const analyzed: AnalyzedText = {
      text: '',
      blocks: [],
      sentences: [
        { index: 0, block: 0, start: 0, end: 10, text: '', tokens: first },
        { index: 1, block: 0, start: 11, end: 23, text: '', tokens: second },
      ],
    };
    expect(extractTextFeatures(analyzed, base).map((f) => f.key)).toEqual(['home', 'visit', 'home visit', 'school', 'nurse', 'school nurse']);
  });

  it('settings schema accepts the defaults and rejects a reversed n-gram range', () => {
    expect(featureSettingsSchema.parse(DEFAULT_FEATURE_SETTINGS)).toEqual(DEFAULT_FEATURE_SETTINGS);
    expect(featureSettingsSchema.safeParse({ ...DEFAULT_FEATURE_SETTINGS, ngramRange: [2, 1] }).success).toBe(false);
    expect(featureSettingsSchema.safeParse({ ...DEFAULT_FEATURE_SETTINGS, stopWords: 'some' }).success).toBe(false);
  });
});
