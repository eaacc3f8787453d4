import { readFileSync } from 'node:fs';
import languageModel from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { ABLATION_MODES, ablate, crossValidate, evaluateTagger, groupedFolds } from '../src/eval/cross-validate';
import { AblationSchema, ComparisonSchema, CrossValidationSchema, TaggerEvaluationSchema } from '../src/eval/report-schema';
import { compareTaggers } from '../src/eval/compare';
import { createTagger } from '../src/tagger';
import { createTextAnalyzer } from '../src/text/analyzer';
import { extractTextFeatures, DEFAULT_FEATURE_SETTINGS } from '../src/text/features';
import { trainModel } from '../src/nb/train';
import { parseRuleSet } from '../src/rules/schema';
import type { LabelledExample } from '../src/corpus/schema';

// A made-up two-theme taxonomy, to show nothing depends on the default themes.
const ROLES = ['health visitor', 'social worker', 'school nurse', 'family support worker'];
const CHILDREN = ['the baby', 'the toddler', 'the boy', 'the girl'];
const TOWNS = ['Ashford', 'Bexley', 'Crawley', 'Dover', 'Epsom', 'Frome', 'Goole', 'Hythe'];

function fixtureExamples(): LabelledExample[] {
  const out: LabelledExample[] = [];
  TOWNS.forEach((town, g) => {
    const role = ROLES[g % ROLES.length]!;
    const child = CHILDREN[(g + 1) % CHILDREN.length]!;
    const units: [string, string[]][] = [
      [`The ${role} made a home visit and saw ${child} in the bedroom.`, ['home-visits']],
      [`The ${role} did not record the concern on the case file.`, ['record-keeping']],
      [`After the home visit the ${role} did not record the concern on the case file.`, ['home-visits', 'record-keeping']],
      [`The family moved to ${town} in ${2010 + g}.`, []],
      [`A home visit by the ${role} found ${child} asleep in a cot.`, ['home-visits']],
      [`${child[0]!.toUpperCase()}${child.slice(1)} started nursery in ${town} when the family arrived.`, []],
    ];
    units.forEach(([text, themes], i) => out.push({ id: `${town.toLowerCase()}-${i}`, text, themes, group: town }));
  });
  return out;
}

const ruleSet = parseRuleSet(JSON.parse(readFileSync(new URL('./fixtures/visits-rules.json', import.meta.url), 'utf8')));

const examples = fixtureExamples();
const taggerOptions = { languageModel, ruleSets: [ruleSet] };

describe('groupedFolds', () => {
  const folds = groupedFolds(examples, 3, 7);

  it('keeps every unit of a group in one fold', () => {
    const foldOfGroup = new Map<string, Set<number>>();
    examples.forEach((e, i) => foldOfGroup.set(e.group!, (foldOfGroup.get(e.group!) ?? new Set()).add(folds[i]!)));
    for (const set of foldOfGroup.values()) expect(set.size).toBe(1);
    expect(new Set(folds)).toEqual(new Set([0, 1, 2]));
  });

  it('is deterministic and does not depend on input order', () => {
    expect(groupedFolds(examples, 3, 7)).toEqual(folds);
    const reversed = [...examples].reverse();
    const again = groupedFolds(reversed, 3, 7).reverse();
    expect(again).toEqual(folds);
  });

  it('changes with the seed', () => {
    const seeds = [1, 2, 3, 4, 5].map((seed) => groupedFolds(examples, 3, seed).join(''));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('treats a unit without a group as a group of its own', () => {
    const loose = examples.slice(0, 4).map(({ group: _group, ...rest }) => rest);
    expect(new Set(groupedFolds(loose, 4, 1)).size).toBe(4);
  });

  it('refuses a single group', () => {
    expect(() => groupedFolds(examples.slice(0, 6), 2, 1)).toThrow(/at least 2 groups/);
  });
});

describe('crossValidate', () => {
  const report = crossValidate(examples, { tagger: taggerOptions, folds: 4, seed: 1, modes: ABLATION_MODES, train: { folds: 3 } });

  it('reports grouped folds covering every unit once', () => {
    expect(CrossValidationSchema.parse(report)).toEqual(report);
    expect(report.folds).toBe(4);
    expect(report.foldSizes.reduce((a, b) => a + b, 0)).toBe(examples.length);
    for (const size of report.foldSizes) expect(size % 6).toBe(0);
    expect(report.labels).toEqual(['home-visits', 'record-keeping']);
  });

  it('scores each requested mode, per fold and pooled, with the spread of per-fold F1', () => {
    expect(report.modes.map((m) => m.mode)).toEqual(['rules', 'model', 'fused']);
    for (const m of report.modes) {
      expect(m.pooled.units).toBe(examples.length);
      expect(m.folds.map((f) => f.units)).toEqual(report.foldSizes);
      const f1s = m.folds.map((f) => f.perTheme[0]!.f1);
      const spread = m.spread.perTheme[0]!.f1;
      expect(spread.mean).toBeCloseTo(f1s.reduce((a, b) => a + b, 0) / f1s.length, 12);
      expect(spread.min).toBe(Math.min(...f1s));
      expect(spread.max).toBe(Math.max(...f1s));
      expect(m.spread.macroF1.mean).toBeCloseTo(m.folds.reduce((s, f) => s + f.macro.f1, 0) / m.folds.length, 12);
    }
  });

  it('really switches mode: rules alone never find the theme that has no rule', () => {
    const rules = report.modes.find((m) => m.mode === 'rules')!;
    expect(rules.pooled.perTheme.find((t) => t.theme === 'record-keeping')!.tp).toBe(0);
    const fused = report.modes.find((m) => m.mode === 'fused')!;
    expect(fused.pooled.perTheme.find((t) => t.theme === 'record-keeping')!.tp).toBeGreaterThan(0);
  });

  it('learns this easy taxonomy well (a floor, not an exact score)', () => {
    expect(report.modes.find((m) => m.mode === 'fused')!.pooled.micro.f1).toBeGreaterThan(0.8);
  });

  it("records each fold's thresholds from its training part, with a PR curve", () => {
    expect(report.thresholds.map((t) => t.fold)).toEqual([0, 1, 2, 3]);
    for (const fold of report.thresholds) {
      expect(fold.themes.map((t) => t.theme)).toEqual(report.labels);
      for (const t of fold.themes) expect(t.curve!.length).toBeGreaterThan(0);
    }
  });

  it('matches the fold model the trainer builds on the same training part', () => {
    const analyzer = createTextAnalyzer(languageModel);
    const folds = groupedFolds(examples, 4, 1);
    const training = examples.filter((_, i) => folds[i] !== 0);
    const model = trainModel(
      training.map((e) => ({ ...e, features: extractTextFeatures(analyzer.analyze(e.text), DEFAULT_FEATURE_SETTINGS).map((f) => f.key) })),
      { labels: report.labels, folds: 3 },
    );
    for (const t of report.thresholds[0]!.themes) expect(t.threshold).toBe(model.thresholds[t.theme]);
  });

  it('is deterministic', () => {
    expect(crossValidate(examples, { tagger: taggerOptions, folds: 4, seed: 1, modes: ABLATION_MODES, train: { folds: 3 } })).toEqual(report);
  });

  it('defaults to the fused mode only', () => {
    const plain = crossValidate(examples, { tagger: taggerOptions, folds: 2, thresholds: false, train: { folds: 2 } });
    expect(plain.modes.map((m) => m.mode)).toEqual(['fused']);
    expect(plain.thresholds).toEqual([]);
  });

  it('with a bootstrap, adds intervals to each mode\'s pooled scores and fused minus the other modes', () => {
    const withIntervals = crossValidate(examples, { tagger: taggerOptions, folds: 4, seed: 1, modes: ABLATION_MODES, train: { folds: 3 }, bootstrap: { resamples: 200 } });
    expect(CrossValidationSchema.parse(withIntervals)).toEqual(withIntervals);
    for (const m of withIntervals.modes) {
      expect(m.pooled.intervals).toMatchObject({ resamples: 200, resampledBy: 'group', clusters: TOWNS.length });
      expect(m.pooled.intervals!.macro.f1.estimate).toBeCloseTo(m.pooled.macro.f1, 12);
    }
    expect(withIntervals.differences!.map((d) => d.b)).toEqual(['rules', 'model']);
    // The bootstrap changes nothing else.
    const { differences: _d, ...rest } = withIntervals;
    expect({ ...rest, modes: rest.modes.map(({ pooled: { intervals: _i, ...pooled }, ...m }) => ({ ...m, pooled })) }).toEqual(report);
    expect(report.differences).toBeUndefined();
  });

  it('rejects a missing language model and unknown modes', () => {
    expect(() => crossValidate(examples, { tagger: {} as typeof taggerOptions })).toThrow(/needs \{ tagger: \{ languageModel \} \}/);
    expect(() => crossValidate(examples, { tagger: taggerOptions, modes: ['both' as 'fused'] })).toThrow(/invalid modes/);
  });

  it.each([
    ['a fold lacking a label', examples.map((e) => (e.group === 'Ashford' ? e : { ...e, themes: e.themes.filter((t) => t !== 'record-keeping') })), /fold \d of 2: label "record-keeping"/],
    ['invalid examples', [{ id: 'x', themes: [] }] as unknown as LabelledExample[], /invalid labelled examples/],
  ])('raises an InputError for %s', (_name, data, message) => {
    expect(() => crossValidate(data, { tagger: taggerOptions, folds: 2, train: { folds: 2 } })).toThrow(message);
  });
});

describe('evaluateTagger and ablate', () => {
  const model = trainModel(examples, { labels: ['home-visits', 'record-keeping'], analyzer: createTextAnalyzer(languageModel), folds: 3 });
  const tagger = createTagger({ languageModel, model, ruleSets: [ruleSet] });
  const heldOut: LabelledExample[] = [
    { id: 'h1', text: 'The midwife made a home visit and saw the baby.', themes: ['home-visits'] },
    { id: 'h2', text: 'The worker did not record the concern on the case file.', themes: ['record-keeping'] },
    { id: 'h3', text: 'The family moved to Leeds in 2015.', themes: [] },
  ];

  it("scores a tagger in its own mode and reports its model's thresholds", () => {
    const report = evaluateTagger(tagger, heldOut);
    expect(TaggerEvaluationSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ kind: 'evaluation', mode: 'fused', units: 3, themes: ['home-visits', 'record-keeping'] });
    expect(report.thresholds.map((t) => [t.theme, t.threshold])).toEqual(model.labels.map((l) => [l, model.thresholds[l]]));
    expect(report.model).toEqual({ name: model.name, corpusHash: model.training.corpusHash });
    expect(report.ruleSets).toEqual(['visits-fixture']);
  });

  it('carries tag scores into the error list', () => {
    const wrong = heldOut.map((e) => ({ ...e, themes: e.id === 'h3' ? ['record-keeping'] : e.themes }));
    const report = evaluateTagger(tagger, wrong);
    const error = report.errors.find((e) => e.id === 'h3')!;
    expect(error.missing).toEqual(['record-keeping']);
    expect(Object.keys(error.scores!)).toEqual(['home-visits', 'record-keeping']);
  });

  it('ablation returns three reports: rules, model, fused', () => {
    const report = ablate(tagger, heldOut);
    expect(AblationSchema.parse(report)).toEqual(report);
    expect(report.reports.map((r) => r.mode)).toEqual(['rules', 'model', 'fused']);
    expect(report.reports[0]!.perTheme[1]!.predicted).toBe(0);
  });

  it('with a bootstrap, adds intervals to each mode and fused minus rules and minus model, paired', () => {
    const grouped = examples.map((e) => ({ ...e }));
    const report = ablate(tagger, grouped, { bootstrap: { resamples: 200, seed: 5 } });
    expect(AblationSchema.parse(report)).toEqual(report);
    for (const r of report.reports) {
      expect(r.intervals).toMatchObject({ resamples: 200, seed: 5, resampledBy: 'group', clusters: TOWNS.length });
      expect(r.intervals!.macro.f1.estimate).toBeCloseTo(r.macro.f1, 12);
    }
    expect(report.differences!.map((d) => [d.a, d.b])).toEqual([['fused', 'rules'], ['fused', 'model']]);
    const fused = report.reports[2]!.macro.f1;
    expect(report.differences![0]!.macro.f1.difference).toBeCloseTo(fused - report.reports[0]!.macro.f1, 12);
    expect(report.differences![1]!.macro.f1.difference).toBeCloseTo(fused - report.reports[1]!.macro.f1, 12);
    // Without the option the report is as before.
    expect(ablate(tagger, grouped).differences).toBeUndefined();
  });

  it('compares two taggers: each scored, and the paired difference of their F1', () => {
    const rulesOnly = tagger.extend({ mode: 'rules' });
    const report = compareTaggers(tagger, rulesOnly, examples, { bootstrap: { resamples: 300 } });
    expect(ComparisonSchema.parse(report)).toEqual(report);
    expect(report.a).toEqual(evaluateTagger(tagger, examples, { bootstrap: { resamples: 300 } }));
    expect(report.b.mode).toBe('rules');
    expect(report.difference.macro.f1.difference).toBeCloseTo(report.a.macro.f1 - report.b.macro.f1, 12);
    // Rules alone never find record-keeping here (no rule for it): the fused tagger is ahead on it in every resample.
    const records = report.difference.perTheme.find((t) => t.theme === 'record-keeping')!.f1;
    expect(records.low).toBeGreaterThan(0);
    expect(records.aAhead).toBe(1);
    // A tagger against itself differs by nothing.
    expect(compareTaggers(tagger, tagger, examples, { bootstrap: { resamples: 50 } }).difference.macro.f1).toEqual({ difference: 0, low: 0, high: 0, aAhead: 0 });
  });

  it('refuses to compare taggers of different themes', () => {
    const other = createTagger({ languageModel, ruleSets: [{ ...ruleSet, themes: [{ id: 'other', label: 'Other' }], rules: ruleSet.rules.map((r) => ({ ...r, theme: 'other' })) }] });
    expect(() => compareTaggers(tagger, other, examples)).toThrow(/know different themes/);
  });

  it('rejects gold themes the tagger does not know', () => {
    expect(() => evaluateTagger(tagger, [{ id: 'x', text: 'Text.', themes: ['other-theme'] }])).toThrow(/outside the evaluated themes/);
  });
});
