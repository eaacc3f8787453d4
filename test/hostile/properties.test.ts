/**
 * Property-based hostile inputs (issue 11): random texts, random rule sets and
 * perturbed model files. Whatever comes in, the library answers with a typed error
 * or a valid result: scores in [0, 1], every offset slicing back to its text, the
 * same result twice, and within a generous time per input size (a hang guard, not
 * a benchmark). Seeds are fixed so a failure reproduces.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import languageModel from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { isPracticeThemesError } from '../../src/errors';
import { parseModel, type ModelFile } from '../../src/nb/model-file';
import { safeParseRuleSet, type RuleSet } from '../../src/rules/schema';
import { createTagger, type Tagger } from '../../src/tagger';
import { TagResultSchema, type TagResult } from '../../src/result-schema';
import visits from '../fixtures/visits-rules.json';

const modelText = readFileSync(new URL('../fixtures/golden/model.json', import.meta.url), 'utf8');
const model = parseModel(modelText);
const baseTagger = createTagger({ languageModel, model, ruleSets: [visits as RuleSet] });

const WORDS = ['the', 'home', 'visit', 'child', 'not', 'never', 'asked', 'was', 'police', "child's", 'step-down', 'a', 'day', 'GP', 'told', 'risk'];
const PUNCT = ['.', ',', ';', '!', '?', '(', ')', '"', '—', '-', "'", '\n', '\n\n', ' ', '  ', '\t', '…', '\u00a0'];

/** Texts: free Unicode (lone surrogates and controls included), word soup, and long runs. */
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...PUNCT)), { maxLength: 120 }).map((parts) => parts.join(' ')),
  fc.tuple(fc.constantFrom('a-', 'x', 'the ', '.', '((', '\ud800', 'é'), fc.integer({ min: 1, max: 3_000 })).map(([unit, n]) => unit.repeat(n)),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

/** Pattern sources from the pattern grammar, valid or not: words, groups, ?, ~N, *. */
const patternArb: fc.Arbitrary<string> = fc.letrec<{ seq: string; elem: string }>((tie) => ({
  // Mostly well-formed (a word at each end), so most sets reach the matcher; the elements inside may still be anything.
  seq: fc
    .tuple(fc.constantFrom(...WORDS), fc.array(tie('elem'), { maxLength: 4 }), fc.oneof(fc.constantFrom(...WORDS), fc.constant('')))
    .map(([first, middle, last]) => [first, ...middle, last].join(' ').trim()),
  elem: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      arbitrary: fc
        .tuple(fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 15 }, { arbitrary: fc.constantFrom('', '|', ')', '(', '?'), weight: 1 }), fc.boolean())
        .map(([w, opt]) => `${w}${opt ? '?' : ''}`),
      weight: 8,
    },
    { arbitrary: fc.integer({ min: 0, max: 12 }).map((n) => `~${n}`), weight: 1 },
    { arbitrary: fc.constant('*'), weight: 1 },
    { arbitrary: fc.tuple(fc.array(tie('seq'), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([alts, opt]) => `(${alts.join('|')})${opt ? '?' : ''}`), weight: 2 },
  ),
})).seq;

const ruleSetArb = fc.array(
  fc.record({ pattern: patternArb, weight: fc.oneof({ arbitrary: fc.double({ min: 0.01, max: 1, noNaN: true }), weight: 9 }, { arbitrary: fc.double(), weight: 1 }), unless: fc.option(fc.array(patternArb, { minLength: 1, maxLength: 2 }), { nil: undefined }) }),
  { minLength: 1, maxLength: 3 },
).map(
  (rules): unknown => ({
    format: 'practice-themes-rules',
    version: 1,
    name: 'random',
    rules: rules.map((r, i) => ({
      id: `random.r${i}`,
      theme: i % 2 ? 'theme-a' : 'theme-b',
      pattern: r.pattern,
      weight: r.weight,
      note: 'random',
      ...(r.unless ? { unless: r.unless } : {}),
      examples: { match: ['x'], noMatch: ['y'] },
    })),
  }),
);

/** Calls `fn`; a thrown error must be one of ours. */
function typedOrValue<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (isPracticeThemesError(error)) return undefined;
    throw error;
  }
}

/** Every promise a result makes: schema, scores in [0, 1], offsets that slice back. */
function expectValidResult(result: TagResult, text: string): void {
  expect(TagResultSchema.safeParse(result).success).toBe(true);
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'number' && /score$/i.test(key)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') {
      const o = value as { start?: unknown; end?: unknown; text?: unknown };
      if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') {
        expect(text.slice(o.start, o.end)).toBe(o.text);
      }
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(result, '');
  for (const score of Object.values(result.scores)) expect(score >= 0 && score <= 1).toBe(true);
}

/** Tags twice and checks the result, determinism and a generous time per size. */
function checkTagging(tagger: Tagger, text: string): void {
  const started = performance.now();
  const first = typedOrValue(() => tagger.tag(text));
  const elapsed = performance.now() - started;
  // Hang guard: far above the real cost (a few ms per kilobyte) even on a loaded machine.
  expect(elapsed).toBeLessThan(10_000 + text.length * 5);
  const second = typedOrValue(() => tagger.tag(text));
  expect(second).toEqual(first);
  if (first) expectValidResult(first, text);
}

describe('properties over hostile inputs', () => {
  it('random texts: a typed error or a valid, deterministic result in bounded time', () => {
    fc.assert(fc.property(textArb, (text) => checkTagging(baseTagger, text)), { seed: 11, numRuns: 150 });
  });

  it('random rule sets: a typed error, or a tagger whose results are valid and deterministic', () => {
    let taggers = 0;
    fc.assert(
      fc.property(ruleSetArb, textArb, (json, text) => {
        const parsed = safeParseRuleSet(json);
        if (!parsed.success) {
          expect(isPracticeThemesError(parsed.error)).toBe(true);
          return;
        }
        const tagger = typedOrValue(() => createTagger({ languageModel, ruleSets: [parsed.data] }));
        if (!tagger) return;
        taggers++;
        checkTagging(tagger, text);
      }),
      { seed: 12, numRuns: 300 },
    );
    // The generator must reach the matcher often enough for the property to mean something.
    expect(taggers).toBeGreaterThan(30);
  });

  it('arbitrary JSON as a rule set never throws from safeParseRuleSet', () => {
    fc.assert(
      fc.property(fc.anything(), (json) => {
        const parsed = safeParseRuleSet(json);
        if (!parsed.success) expect(isPracticeThemesError(parsed.error)).toBe(true);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  const perturbationArb = fc.oneof(
    // A flipped bit anywhere in the file.
    fc.integer({ min: 0, max: Buffer.byteLength(modelText) * 8 - 1 }).map((bit) => {
      const bytes = Buffer.from(modelText);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      return bytes.toString('utf8') as unknown;
    }),
    // A number in the header replaced by any number (NaN and infinities included), hash left as it was.
    fc.tuple(fc.constantFrom('alpha', 'reference', 'scale', 'shift', 'threshold'), fc.double()).map(([key, value]) => {
      const json = JSON.parse(modelText) as ModelFile;
      const calibration = json.calibration.method === 'platt' ? Object.values(json.calibration.perLabel)[0]! : undefined;
      if (key === 'alpha') json.smoothing.alpha = value;
      else if (key === 'reference' && json.lengthNorm.method === 'sqrt') json.lengthNorm.reference = value;
      else if (key === 'scale' && calibration) calibration.scale = value;
      else if (key === 'shift' && calibration) calibration.shift = value;
      else json.thresholds[json.labels[0]!] = value;
      return json as unknown;
    }),
    // A truncated file.
    fc.integer({ min: 0, max: modelText.length - 1 }).map((n) => modelText.slice(0, n) as unknown),
  );

  it('perturbed model files: refused with a typed error, or loaded unchanged', () => {
    fc.assert(
      fc.property(perturbationArb, fc.constantFrom('The health visitor never asked what a day was like. The GP was not told.', 'Rent arrears grew.'), (file, text) => {
        const loaded = typedOrValue(() => parseModel(file));
        if (!loaded) return;
        // Whatever loads must be the model as written: a changed number cannot get past the hash.
        expect(loaded).toEqual(model);
        checkTagging(createTagger({ languageModel, model: loaded, ruleSets: [visits as RuleSet] }), text);
      }),
      { seed: 14, numRuns: 60 },
    );
  });
});
