import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from '../src/text/analyzer';
import type { AnalyzedText } from '../src/text/types';

const analyzer = createTextAnalyzer(model);

/** Blocks as [kind, text, marker] with the text taken from the input by offsets. */
function blocksOf(result: AnalyzedText): [string, string, string?][] {
  return result.blocks.map((b) => {
    const text = result.text.slice(b.start, b.end);
    return b.marker ? [b.kind, text, b.marker.text] : [b.kind, text];
  });
}

describe('block segmentation', () => {
  it.each<[string, string, [string, string, string?][]]>([
    ['one paragraph', 'The GP saw the baby. The mother was present.', [['paragraph', 'The GP saw the baby. The mother was present.']]],
    ['blank line separates paragraphs', 'First paragraph.\n\nSecond paragraph.', [['paragraph', 'First paragraph.'], ['paragraph', 'Second paragraph.']]],
    ['blank line with spaces, CRLF', 'First one.\r\n  \r\nSecond one.', [['paragraph', 'First one.'], ['paragraph', 'Second one.']]],
    [
      'hard-wrapped lines stay one paragraph',
      'The health visitor saw the baby at the clinic on\nthree occasions and noted no concerns about\nweight gain.',
      [['paragraph', 'The health visitor saw the baby at the clinic on\nthree occasions and noted no concerns about\nweight gain.']],
    ],
    [
      'numbered paragraphs get their number as marker',
      '4.12 The social worker visited.\n4.13 The GP was not told.',
      [['paragraph', '4.12 The social worker visited.', '4.12'], ['paragraph', '4.13 The GP was not told.', '4.13']],
    ],
    ['paragraph number on its own line', '4.12\nThe social worker visited.', [['paragraph', '4.12\nThe social worker visited.', '4.12']]],
    [
      'a wrapped time is not a paragraph number',
      'The police attended at\n10.30 p.m. and spoke to the mother.',
      [['paragraph', 'The police attended at\n10.30 p.m. and spoke to the mother.']],
    ],
    [
      'bullets of every kind are list items',
      'Learning:\n• seeing the child\n- hearing the child\n* recording\n\u2013 sharing\no escalating\n(a) first\n1. second\n2) third\niv) fourth',
      [
        ['paragraph', 'Learning:'],
        ['list-item', '• seeing the child', '•'],
        ['list-item', '- hearing the child', '-'],
        ['list-item', '* recording', '*'],
        ['list-item', '\u2013 sharing', '\u2013'],
        ['list-item', 'o escalating', 'o'],
        ['list-item', '(a) first', '(a)'],
        ['list-item', '1. second', '1.'],
        ['list-item', '2) third', '2)'],
        ['list-item', 'iv) fourth', 'iv)'],
      ],
    ],
    [
      'a wrapped list item continues on the next line',
      '• the school did not share\n  its concerns\n• the GP was not told',
      [['list-item', '• the school did not share\n  its concerns', '•'], ['list-item', '• the GP was not told', '•']],
    ],
    [
      'a bullet alone on its line takes the next line',
      '\u2022\nThe school did not share its concerns.',
      [['list-item', '\u2022\nThe school did not share its concerns.', '\u2022']],
    ],
    [
      'a dash in mid-sentence wrap is prose',
      'The mother said that the father had left the home\n- she was later found to be wrong.',
      [['paragraph', 'The mother said that the father had left the home\n- she was later found to be wrong.']],
    ],
    [
      'inline bullets flattened by PDF extraction',
      'Key learning \u2022 point one about supervision \u2022 point two about records',
      [['paragraph', 'Key learning'], ['list-item', '\u2022 point one about supervision', '\u2022'], ['list-item', '\u2022 point two about records', '\u2022']],
    ],
    [
      'headings without full stops',
      'Key findings\nThe social worker visited.\n\nWhat happened\n\nThe GP was not told.',
      [['heading', 'Key findings'], ['paragraph', 'The social worker visited.'], ['heading', 'What happened'], ['paragraph', 'The GP was not told.']],
    ],
    ['numbered heading', '3. Key findings\n3.1 The plan was closed.', [['heading', '3. Key findings', '3.'], ['paragraph', '3.1 The plan was closed.', '3.1']]],
    [
      'a numbered list is not a run of headings',
      '1. Improve supervision\n2. Share information',
      [['list-item', '1. Improve supervision', '1.'], ['list-item', '2. Share information', '2.']],
    ],
    [
      'a heading is followed by more text',
      'The plan was closed.\nKey findings',
      [['paragraph', 'The plan was closed.\nKey findings']],
    ],
    [
      'a short line ending in a function word is not a heading',
      'The case was closed.\nThe mother told the social worker that\nDavid had left.',
      [['paragraph', 'The case was closed.\nThe mother told the social worker that\nDavid had left.']],
    ],
    [
      'a short line followed by lower case is not a heading',
      'The case was closed.\nThe mother told the GP\nabout the bruise.',
      [['paragraph', 'The case was closed.\nThe mother told the GP\nabout the bruise.']],
    ],
    ['form feed after a sentence is a break', 'End of page one.\fStart of page two.', [['paragraph', 'End of page one.'], ['paragraph', 'Start of page two.']]],
    [
      'form feed in mid-sentence is not a break',
      'The social worker visited the\fhome twice.',
      [['paragraph', 'The social worker visited the\fhome twice.']],
    ],
    ['empty text has no blocks', '', []],
    ['whitespace has no blocks', ' \n\r\n\t\f ', []],
  ])('%s', (_name, input, expected) => {
    expect(blocksOf(analyzer.analyze(input))).toEqual(expected);
  });

  it('keeps the marker out of the first sentence', () => {
    const result = analyzer.analyze('4.12 The social worker visited.\n\u2022 Nobody asked the children.');
    expect(result.sentences.map((s) => s.text)).toEqual(['The social worker visited.', 'Nobody asked the children.']);
    expect(result.sentences[0]!.tokens[0]!.text).toBe('The');
    expect(result.sentences.map((s) => s.block)).toEqual([0, 1]);
  });

  it('numbers blocks and sentences in order and gives each sentence its block', () => {
    const result = analyzer.analyze('Key findings\n\nFirst. Second.\n\n\u2022 Third');
    expect(result.blocks.map((b) => b.index)).toEqual([0, 1, 2]);
    expect(result.sentences.map((s) => [s.index, s.block, s.text])).toEqual([
      [0, 0, 'Key findings'],
      [1, 1, 'First.'],
      [2, 1, 'Second.'],
      [3, 2, 'Third'],
    ]);
  });
});

describe('sentence segmentation', () => {
  it.each<[string, string, string[]]>([
    ['two sentences', 'The GP saw the baby. The mother was present.', ['The GP saw the baby.', 'The mother was present.']],
    ['Dr. Mr. Mrs. Ms.', 'Dr. Patel and Mr. Jones met Mrs. Brown and Ms. Green.', ['Dr. Patel and Mr. Jones met Mrs. Brown and Ms. Green.']],
    ['e.g. and i.e.', 'Agencies, e.g. the school, i.e. the DSL, knew.', ['Agencies, e.g. the school, i.e. the DSL, knew.']],
    ['approx.', 'She was seen approx. 3 weeks later.', ['She was seen approx. 3 weeks later.']],
    ['para. and paras.', 'See para. 4.12 and paras. 5 to 7 for details. The plan closed.', ['See para. 4.12 and paras. 5 to 7 for details.', 'The plan closed.']],
    ['St. and No.', 'She attended St. Mary\u2019s and No. 5 Surgery.', ['She attended St. Mary\u2019s and No. 5 Surgery.']],
    ['etc. mid-sentence', 'Schools, GPs, etc. were told. Nobody acted.', ['Schools, GPs, etc. were told.', 'Nobody acted.']],
    ['initials', 'J. Smith and A. B. Jones attended.', ['J. Smith and A. B. Jones attended.']],
    ['an initial ending a sentence', 'She lived with Mr. K. The review began.', ['She lived with Mr. K.', 'The review began.']],
    ['times', 'At 10.30 p.m. the police arrived and left at 2 a.m. on Sunday.', ['At 10.30 p.m. the police arrived and left at 2 a.m. on Sunday.']],
    ['time with its full stop', 'The police arrived at 10pm. The child was asleep.', ['The police arrived at 10pm.', 'The child was asleep.']],
    ['dates', 'On 3.4.2019 the case was closed.', ['On 3.4.2019 the case was closed.']],
    ['section references', 'A s.47 enquiry under section 47 began.', ['A s.47 enquiry under section 47 began.']],
    ['titles wink lacks', 'Cllr. Jones met Insp. Patel and DC. Brown.', ['Cllr. Jones met Insp. Patel and DC. Brown.']],
    ['reference abbreviations wink lacks', 'See ref. 12 and fig. 3, ch. 2 and vol. 4.', ['See ref. 12 and fig. 3, ch. 2 and vol. 4.']],
    ['lower case after a full stop continues', 'The school, incl. the nurse, knew.', ['The school, incl. the nurse, knew.']],
    ['question and exclamation', 'Why was she not seen? Nobody knows!', ['Why was she not seen?', 'Nobody knows!']],
    ['hard-wrapped sentence is one sentence', 'The social worker\nvisited the home.', ['The social worker\nvisited the home.']],
    ['a heading is its own sentence', 'What happened\nThe GP saw the baby.', ['What happened', 'The GP saw the baby.']],
    ['a sentence never crosses a block', 'The plan\n\nwas closed.', ['The plan', 'was closed.']],
  ])('%s', (_name, input, expected) => {
    expect(analyzer.analyze(input).sentences.map((s) => s.text)).toEqual(expected);
  });
});

describe('forEachSentence (streaming analysis)', () => {
  it('hands over the same sentences, in order, and the same blocks as analyze()', () => {
    const analyzer = createTextAnalyzer(model);
    const text = '4.12 The GP was not told. Nobody asked the children.\n\n• Visits were missed.\n\nReview panel\n\nThe school did not refer.';
    const seen: AnalyzedText['sentences'][number][] = [];
    const streamed = analyzer.forEachSentence(text, (s) => void seen.push(s));
    const whole = analyzer.analyze(text);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual(whole.sentences);
    expect(streamed.blocks).toEqual(whole.blocks);
    expect(streamed.text).toBe(text);
  });
});
