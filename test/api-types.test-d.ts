import { describe, expectTypeOf, it } from 'vitest';
import {
  createTagger,
  parseRuleSet,
  safeParseRuleSet,
  parseModel,
  type Tagger,
  type TagResult,
  type RuleSet,
  type ModelFile,
  type ThemeScore,
  type Evidence,
  type PracticeThemesError,
  type ErrorCode,
} from '../src/index';
import { loadDefaultTagger } from '../src/node';

describe('public API types', () => {
  it('createTagger returns an immutable Tagger whose tag() gives a TagResult', () => {
    expectTypeOf(createTagger).parameter(0).toHaveProperty('languageModel');
    expectTypeOf(createTagger).returns.toEqualTypeOf<Tagger>();
    expectTypeOf<Tagger['tag']>().returns.toEqualTypeOf<TagResult>();
    expectTypeOf<Tagger['tagMany']>().returns.toEqualTypeOf<TagResult[]>();
    expectTypeOf<Tagger['extend']>().returns.toEqualTypeOf<Tagger>();
    expectTypeOf<Tagger['themes']>().toEqualTypeOf<readonly string[]>();
  });

  it('results carry per-theme scores and typed evidence', () => {
    expectTypeOf<TagResult['scores']>().toEqualTypeOf<Record<string, number>>();
    expectTypeOf<TagResult['document'][string]['evidence'][number]>().toEqualTypeOf<Evidence>();
    expectTypeOf<ThemeScore['source']>().toEqualTypeOf<'rules' | 'model' | 'both' | 'none'>();
    expectTypeOf<Extract<Evidence, { kind: 'rule' }>>().toHaveProperty('ruleId').toEqualTypeOf<string>();
    expectTypeOf<Extract<Evidence, { kind: 'feature' }>>().toHaveProperty('feature').toEqualTypeOf<string>();
  });

  it('parse throws and returns data; safeParse returns a discriminated result', () => {
    expectTypeOf(parseRuleSet).returns.toEqualTypeOf<RuleSet>();
    expectTypeOf(parseModel).returns.toEqualTypeOf<ModelFile>();
    const r = safeParseRuleSet({});
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<RuleSet>();
    else expectTypeOf(r.error.code).toEqualTypeOf<ErrorCode>();
  });

  it('errors carry a code; the node entry loads a tagger asynchronously', () => {
    expectTypeOf<PracticeThemesError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf(loadDefaultTagger).returns.toEqualTypeOf<Promise<Tagger>>();
  });
});
