import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../src/errors';
import { createTextAnalyzer } from '../src/text/analyzer';
import { foldCharacters, normalizeForMatch } from '../src/text/normalize';
import { isStopWord, STOP_WORDS } from '../src/text/stop-words';
import { wordLemma } from '../src/text/token-forms';
import type { Token } from '../src/text/types';

const analyzer = createTextAnalyzer(model);

function token(text: string, surface: string): Token {
  const found = analyzer.tokenize(text).find((t) => t.text === surface);
  if (!found) throw new Error(`no token ${surface} in ${text}`);
  return found;
}

describe('token forms', () => {
  it.each<[string, string, string, Partial<Token>]>([
    ['lower-cased norm', 'The Social Worker visited.', 'Social', { norm: 'social', kind: 'word' }],
    ['lemma from wink', 'The children were seen.', 'children', { norm: 'children', lemma: 'child', pos: 'NOUN' }],
    ['verb lemma', 'She visited twice.', 'visited', { lemma: 'visit', pos: 'VERB' }],
    ['capitalised plural tagged PROPN', 'Meetings were held.', 'Meetings', { lemma: 'meeting' }],
    ['a name stays a name', 'Jones was seen.', 'Jones', { lemma: 'jones' }],
    ['domain lemma fix: safeguarding', 'The safeguarding lead knew.', 'safeguarding', { lemma: 'safeguarding' }],
    ['domain lemma fix: media', 'She used social media.', 'media', { lemma: 'media' }],
    ['curly possessive', 'The child\u2019s voice.', '\u2019s', { norm: "'s", lemma: "'s", stop: true }],
    ['curly contraction', 'He didn\u2019t visit.', 'n\u2019t', { norm: "n't", lemma: 'not', stop: false }],
    ['number', 'She held 28 cases.', '28', { kind: 'number', lemma: '28' }],
    ['time written against a number', 'At 10.30pm she left.', '10.30pm', { kind: 'number' }],
    ['number after an abbreviation', 'A s.47 enquiry.', '47', { kind: 'number' }],
    ['punctuation', 'Seen; not heard.', ';', { kind: 'punctuation', lemma: ';' }],
    ['currency symbol', 'It cost \u00a3500.', '\u00a3', { kind: 'symbol' }],
    ['stop word', 'The mother was present.', 'was', { stop: true }],
    ['negators are not stop words', 'No referral was made.', 'No', { stop: false }],
    ['"alone" is not a stop word', 'She was seen alone.', 'alone', { stop: false }],
    ['"before" is not a stop word', 'It closed before the assessment.', 'before', { stop: false }],
    ['wink lemma gaps are filled', 'The mother cannot, he said.', 'cannot', { lemma: 'cannot' }],
  ])('%s', (_name, input, surface, expected) => {
    expect(token(input, surface)).toMatchObject(expected);
  });

  it.each([
    ["children's", 'child'],
    ["parents'", 'parent'],
    ["mother's", 'mother'],
    ['caseloads', 'caseload'],
  ])('wordLemma drops a possessive and fixes domain words: %s -> %s', (norm, lemma) => {
    expect(wordLemma(norm, norm)).toBe(lemma);
  });

  it('keeps a joined hyphenated word as one token spanning the break', () => {
    const input = 'The safe-\nguarding lead';
    const t = token(input, 'safeguarding');
    expect(t).toMatchObject({ norm: 'safeguarding', lemma: 'safeguarding' });
    expect(input.slice(t.start, t.end)).toBe('safe-\nguarding');
  });

  it('tokenize returns one sentence of tokens with offsets into the snippet', () => {
    const snippet = 'Nobody asked\nthe children. Again.';
    const tokens = analyzer.tokenize(snippet);
    expect(tokens.map((t) => t.text)).toEqual(['Nobody', 'asked', 'the', 'children', '.', 'Again', '.']);
    for (const t of tokens) expect(snippet.slice(t.start, t.end)).toBe(t.text);
    expect(analyzer.tokenize('')).toEqual([]);
  });

  it('rejects a non-string input with a typed error', () => {
    expect(() => analyzer.analyze(42 as unknown as string)).toThrow(/expected the text to analyse as a string/);
    try {
      analyzer.tokenize(null as unknown as string);
    } catch (error) {
      expect(isInputError(error)).toBe(true);
    }
  });

  it('is deterministic: the same text gives the same result', () => {
    const text = 'Key findings\n\nNobody asked the children. The GP didn\u2019t know.';
    expect(createTextAnalyzer(model).analyze(text)).toEqual(analyzer.analyze(text));
  });
});

describe('createTextAnalyzer', () => {
  it.each([
    ['an empty object', {}],
    ['a model without POS', { core: () => 0, sbd: () => 0, negation: () => 0, addons: { lemmatize: () => '' } }],
  ])('rejects %s as the wink model', (_name, bad) => {
    let caught: unknown;
    try {
      createTextAnalyzer(bad);
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as { code: string }).code).toBe('INVALID_OPTIONS');
    expect(String(caught)).toMatch(/wink English language model/);
  });
});

describe('stop words', () => {
  it.each(['not', "n't", 'no', 'never', 'without', 'nobody', 'none', 'nor', 'alone', 'own', 'again', 'before', 'after', 'until', 'should', 'but'])(
    'keeps "%s" as a content word',
    (word) => {
      expect(isStopWord(word)).toBe(false);
    },
  );
  it.each(['the', 'a', 'of', 'was', 'they', "'s", 'and'])('lists "%s"', (word) => {
    expect(isStopWord(word)).toBe(true);
  });
  it('holds only lower-case entries', () => {
    for (const word of STOP_WORDS) expect(word).toBe(word.toLowerCase());
  });
});

describe('normalizeForMatch', () => {
  it.each([
    ['Didn\u2019t  SEE\tthe \u201cChild\u201d', 'didn\'t see the "child"'],
    ['  follow\u2010up\r\n visit ', 'follow-up visit'],
    ['\ufb01le', 'file'],
  ])('%s', (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });
  it('foldCharacters keeps case and spacing', () => {
    expect(foldCharacters('Didn\u2019t  SEE')).toBe("Didn't  SEE");
  });
});

describe('sentence-initial capitalised words', () => {
  const analyzer = createTextAnalyzer(model);
  it.each([
    ['Mother cancelled the visit.', 'Mother', 'NOUN', 'mother'],
    ['Practitioners felt unsupported.', 'Practitioners', 'NOUN', 'practitioner'],
    ['Information was not shared.', 'Information', 'NOUN', 'information'],
    ['Jaden was seen alone.', 'Jaden', 'PROPN', 'jaden'],
    ['Harrowfield Council apologised.', 'Harrowfield', 'PROPN', 'harrowfield'],
  ])('%s: %s is %s with lemma %s', (text, word, pos, lemma) => {
    const token = analyzer.analyze(text).sentences[0]!.tokens.find((t) => t.text === word)!;
    expect(token.pos).toBe(pos);
    expect(token.lemma).toBe(lemma);
  });

  it('a common word inside a sentence keeps wink\'s tag', () => {
    const token = analyzer.analyze('The report said Grace Road was busy.').sentences[0]!.tokens.find((t) => t.text === 'Grace')!;
    expect(token.pos).toBe('PROPN');
  });
});
