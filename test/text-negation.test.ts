import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from '../src/text/analyzer';

const analyzer = createTextAnalyzer(model);

/** The sentence's words with negated ones upper-cased: "nobody ASKED THE CHILDREN ." */
function marked(text: string): string[] {
  return analyzer.analyze(text).sentences.map((s) => s.tokens.map((t) => (t.negated ? t.norm.toUpperCase() : t.norm)).join(' '));
}

describe('negation scope', () => {
  it.each<[string, string, string[]]>([
    // wink's own cases, kept
    ['not', 'The social worker did not visit the home.', ['the social worker did not VISIT THE HOME .']],
    ["n't with a straight apostrophe", "He didn't see the baby.", ["he did n't SEE THE BABY ."]],
    ['n\u2019t with a curly apostrophe', 'He didn\u2019t see the baby.', ["he did n't SEE THE BABY ."]],
    ['never', 'The father was never assessed.', ['the father was never ASSESSED .']],
    ['without', 'The case was closed without seeing the child.', ['the case was closed without SEEING THE CHILD .']],
    ['neither / nor', 'Neither the GP nor the school knew.', ['neither THE GP nor THE SCHOOL KNEW .']],
    ['none of', 'None of the agencies shared it.', ['none OF THE AGENCIES SHARED IT .']],
    ['no as a determiner', 'No referral was made.', ['no REFERRAL WAS MADE .']],
    ['cannot', 'The mother cannot recall it.', ['the mother can not RECALL IT .']],
    // ours
    ['nobody', 'Nobody asked the children.', ['nobody ASKED THE CHILDREN .']],
    ['no one', 'No one followed it up.', ['no ONE FOLLOWED IT UP .']],
    ['no-one', 'No-one followed it up.', ['no - ONE FOLLOWED IT UP .']],
    ['nothing', 'Nothing was recorded about the father.', ['nothing WAS RECORDED ABOUT THE FATHER .']],
    ['nowhere', 'Nowhere was the risk written down.', ['nowhere WAS THE RISK WRITTEN DOWN .']],
    // scope ends
    ['comma ends the scope', 'He never visited, so the case drifted.', ['he never VISITED , so the case drifted .']],
    ['"but" ends the scope', 'He did not visit but she did.', ['he did not VISIT but she did .']],
    ['colon ends the scope', 'He did not visit: she left.', ['he did not VISIT : she left .']],
    ['"whereas" ends the scope', 'He did not visit whereas she did.', ['he did not VISIT whereas she did .']],
    ['a spaced dash ends the scope', 'He did not visit - she did.', ['he did not VISIT - she did .']],
    ['the scope ends with the sentence', 'Nobody asked. The child was seen.', ['nobody ASKED .', 'the child was seen .']],
    ['"not yet" keeps its scope', 'The GP had not yet seen the baby.', ['the gp had not YET SEEN THE BABY .']],
    ['a heading does not leak into the next sentence', 'What was not done\nThe social worker visited.', ['what was not DONE', 'the social worker visited .']],
    // not negation
    ['"failed to" is not negation', 'He failed to visit the child.', ['he failed to visit the child .']],
    ['"fails to" is not negation', 'The plan fails to say who visits.', ['the plan fails to say who visits .']],
    ['"no" as an interjection', 'No, the mother said.', ['no , the mother said .']],
    ['"no doubt"', 'There is no doubt that he visited.', ['there is no doubt that he visited .']],
    ['a sentence without negation', 'The health visitor saw the baby.', ['the health visitor saw the baby .']],
  ])('%s', (_name, input, expected) => {
    expect(marked(input)).toEqual(expected);
  });

  it('marks tokens from tokenize() too', () => {
    expect(analyzer.tokenize('nobody asked the children').map((t) => t.negated)).toEqual([false, true, true, true]);
  });
});
