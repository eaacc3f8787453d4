// The tagger on a small custom taxonomy (not the default six): tests use a fixture
// model trained here and a fixture rule set, never the shipped model.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import languageModel from 'wink-eng-lite-web-model';
import { createTagger, createTextAnalyzer, parseCorpus, parseRuleSet, trainModel, TagResultSchema, isInputError, type ModelFile, type RuleSet, type Tagger } from '../src/index';

const corpus = parseCorpus(readFileSync(new URL('./fixtures/mini-corpus.jsonl', import.meta.url), 'utf8'));
const ruleSet: RuleSet = parseRuleSet(JSON.parse(readFileSync(new URL('./fixtures/mini-rules.json', import.meta.url), 'utf8')));
let model: ModelFile;
let tagger: Tagger;

beforeAll(() => {
  const analyzer = createTextAnalyzer(languageModel);
  model = trainModel(corpus.filter((u) => u.split === 'train'), { labels: ['housing', 'school-attendance'], analyzer, folds: 3 });
  tagger = createTagger({ languageModel, model, ruleSets: [ruleSet] });
});

const REPORT = `3. Findings

3.1 The flat was damp and mould grew in the children's bedroom; the landlord ignored repair
requests. Rent arrears built up over the winter.

3.2 Attendance fell during the spring term and the absences were not followed up by the school.

• The review panel met four times.`;

describe('createTagger on a custom taxonomy', () => {
  it('reports the themes of its model and rule sets, in order', () => {
    expect(tagger.themes).toEqual(['housing', 'school-attendance']);
  });

  it('tags a document and returns a result that validates against the published schema', () => {
    const result = tagger.tag(REPORT, { id: 'r1' });
    expect(TagResultSchema.parse(result)).toEqual(result);
    expect(result.id).toBe('r1');
    expect(result.themes).toEqual(['housing', 'school-attendance']);
    for (const theme of tagger.themes) {
      expect(result.scores[theme]).toBeGreaterThanOrEqual(0);
      expect(result.scores[theme]).toBeLessThanOrEqual(1);
    }
  });

  it('every sentence and every piece of evidence slices back to its own text', () => {
    const result = tagger.tag(REPORT);
    expect(result.sentences.length).toBeGreaterThanOrEqual(4);
    for (const s of result.sentences) {
      expect(REPORT.slice(s.start, s.end)).toBe(s.text);
      for (const e of s.evidence) {
        expect(REPORT.slice(e.start, e.end)).toBe(e.text);
        expect(e.start).toBeGreaterThanOrEqual(s.start);
        expect(e.end).toBeLessThanOrEqual(s.end);
      }
    }
    for (const doc of Object.values(result.document)) for (const e of doc.evidence) expect(REPORT.slice(e.start, e.end)).toBe(e.text);
  });

  it('names the rules that fired as evidence, with their ids', () => {
    const result = tagger.tag(REPORT);
    const ruleIds = result.document.housing!.evidence.filter((e) => e.kind === 'rule').map((e) => (e.kind === 'rule' ? e.ruleId : ''));
    expect(ruleIds).toContain('housing.damp-mould');
    const negated = result.sentences.find((s) => s.text.includes('not followed up'))!;
    expect(negated.evidence.some((e) => e.kind === 'rule' && e.ruleId === 'school.absence-not-followed')).toBe(true);
  });

  it('says which source decided each theme', () => {
    const result = tagger.tag(REPORT);
    for (const doc of Object.values(result.document)) expect(['rules', 'model', 'both']).toContain(doc.source);
    const rulesOnly = tagger.extend({ mode: 'rules' }).tag('The walls were damp.');
    expect(rulesOnly.document.housing!.source).toBe('rules');
  });

  it('says "no theme" for text without any', () => {
    const result = tagger.tag('The review panel met four times between March and July.');
    expect(result.themes).toEqual([]);
    expect(Object.values(result.document).every((d) => !d.tagged && d.evidence.length === 0)).toBe(true);
  });

  it('counts tagged sentences and their share at document level', () => {
    const result = tagger.tag(REPORT);
    const housing = result.document.housing!;
    const count = result.sentences.filter((s) => s.themes.includes('housing')).length;
    expect(housing.sentences).toBe(count);
    expect(housing.share).toBeCloseTo(count / result.sentences.length, 12);
  });

  it('is deterministic: the same text gives the same result', () => {
    expect(JSON.stringify(tagger.tag(REPORT))).toBe(JSON.stringify(tagger.tag(REPORT)));
    const other = createTagger({ languageModel, model, ruleSets: [ruleSet] });
    expect(JSON.stringify(other.tag(REPORT))).toBe(JSON.stringify(tagger.tag(REPORT)));
  });

  it('carries page numbers when given page spans', () => {
    const split = REPORT.indexOf('3.2');
    const result = tagger.tag(REPORT, { pages: [{ page: 1, start: 0, end: split }, { page: 2, start: split, end: REPORT.length }] });
    const school = result.sentences.find((s) => s.text.includes('Attendance fell'))!;
    expect(school.page).toBe(2);
    expect(school.evidence.every((e) => e.page === 2)).toBe(true);
    expect(result.sentences.find((s) => s.text.includes('damp'))!.page).toBe(1);
  });

  it('tagMany tags strings and {id, text} inputs in order', () => {
    const results = tagger.tagMany(['The walls were damp.', { id: 'b', text: 'Attendance fell in May.' }]);
    expect(results.map((r) => r.themes)).toEqual([['housing'], ['school-attendance']]);
    expect(results[1]!.id).toBe('b');
  });
});

describe('tagger values', () => {
  it('are frozen, and extend() returns a new tagger leaving the old one unchanged', () => {
    expect(Object.isFrozen(tagger)).toBe(true);
    expect(Object.isFrozen(tagger.options)).toBe(true);
    const rulesOnly = tagger.extend({ mode: 'rules' });
    expect(rulesOnly).not.toBe(tagger);
    expect(rulesOnly.options.mode).toBe('rules');
    expect(tagger.options.mode).toBeUndefined();
    // The model alone knows "overcrowding" from training; the rules do not.
    const text = 'Overcrowding meant the children shared one mattress and the landlord did nothing.';
    expect(tagger.extend({ mode: 'model' }).tag(text).themes).toContain('housing');
    expect(rulesOnly.tag(text).themes).toEqual([]);
  });

  it('can be restricted to some themes', () => {
    const housingOnly = tagger.extend({ themes: ['housing'] });
    expect(housingOnly.themes).toEqual(['housing']);
    expect(Object.keys(housingOnly.tag(REPORT).scores)).toEqual(['housing']);
  });

  it('works with rules only or a model only', () => {
    expect(createTagger({ languageModel, ruleSets: [ruleSet] }).tag('Rent arrears grew.').themes).toEqual(['housing']);
    expect(createTagger({ languageModel, model }).themes).toEqual(['housing', 'school-attendance']);
  });

  it.each([
    ['no language model', () => createTagger({} as never), 'INVALID_OPTIONS'],
    ['neither model nor rules', () => createTagger({ languageModel }), 'INVALID_OPTIONS'],
    ['an unknown theme', () => createTagger({ languageModel, model, themes: ['weather'] }), 'UNKNOWN_THEME'],
    ['a non-string input', () => tagger.tag(42 as never), 'INVALID_INPUT'],
  ])('throws a typed error for %s', (_name, act, code) => {
    let caught: unknown;
    try {
      act();
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as { code: string }).code).toBe(code);
  });

  it('tags empty and whitespace-only text as no theme', () => {
    for (const text of ['', '   \n\n ']) {
      const result = tagger.tag(text);
      expect(result.themes).toEqual([]);
      expect(result.sentences).toEqual([]);
    }
  });
});
