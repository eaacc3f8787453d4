/**
 * Builds what a tagger needs, once: the analyzer (the costly part, ~60 ms, shared
 * by every tagger made from the same wink model), the compiled rules and the
 * classifier. Memoised on the objects given, so extend() reuses them.
 */
import { InputError } from './errors';
import { createTextAnalyzer } from './text/analyzer';
import { compileRules, type CompiledRules } from './rules/compile';
import { createClassifier, type Classifier } from './nb/classifier';
import { createPracticeGate, type PracticeGateScorer } from './nb/gate';
import type { RuleSet } from './rules/schema';
import type { ModelFile } from './nb/model-file';
import type { TextAnalyzer } from './text/types';
import type { TaggerParts } from './tagger-parts';

/** The tagger options that decide its parts (a subset of TaggerOptions, declared here so tagger.ts and this file do not import each other). */
export interface PartsOptions {
  readonly languageModel: unknown;
  readonly model?: ModelFile | undefined;
  readonly ruleSets?: readonly RuleSet[] | undefined;
  readonly themes?: readonly string[] | undefined;
}

const analyzers = new WeakMap<object, TextAnalyzer>();
const classifiers = new WeakMap<ModelFile, Classifier>();
const gates = new WeakMap<ModelFile, PracticeGateScorer | null>();
const compiledRules = new WeakMap<readonly RuleSet[], CompiledRules>();

/**
 * The text analyzer for a wink language model, built once per model object and
 * shared (building one costs a wink pipeline, ~60 ms). Everything that analyses
 * text with an injected model should get its analyzer here.
 */
export function analyzerFor(languageModel: unknown): TextAnalyzer {
  if (typeof languageModel !== 'object' || languageModel === null) {
    throw new InputError('languageModel must be the wink-nlp English model object', { code: 'INVALID_OPTIONS' });
  }
  let analyzer = analyzers.get(languageModel);
  if (!analyzer) {
    analyzer = createTextAnalyzer(languageModel as Parameters<typeof createTextAnalyzer>[0]);
    analyzers.set(languageModel, analyzer);
  }
  return analyzer;
}

function classifierFor(model: ModelFile): Classifier {
  let classifier = classifiers.get(model);
  if (!classifier) classifiers.set(model, (classifier = createClassifier(model)));
  return classifier;
}

function gateFor(model: ModelFile): PracticeGateScorer | undefined {
  let gate = gates.get(model);
  if (gate === undefined) gates.set(model, (gate = createPracticeGate(model) ?? null));
  return gate ?? undefined;
}

function rulesFor(ruleSets: readonly RuleSet[], analyzer: TextAnalyzer): CompiledRules {
  let compiled = compiledRules.get(ruleSets);
  if (!compiled) compiledRules.set(ruleSets, (compiled = compileRules(ruleSets, { analyzer })));
  return compiled;
}

/** Builds the analyzer, rules and classifier of a tagger. */
export function buildParts(options: PartsOptions): TaggerParts {
  const analyzer = analyzerFor(options.languageModel);
  const classifier = options.model ? classifierFor(options.model) : undefined;
  const rules = options.ruleSets?.length ? rulesFor(options.ruleSets, analyzer) : undefined;
  const themes = buildParts.themesOf(options);
  const rulesByTheme = new Map<string, number>();
  for (const r of rules?.rules ?? []) rulesByTheme.set(r.theme, (rulesByTheme.get(r.theme) ?? 0) + 1);
  return {
    analyzer,
    classifier,
    gate: options.model ? gateFor(options.model) : undefined,
    rules,
    themes,
    modelInfo: options.model
      ? { name: options.model.name, version: options.model.version, corpusHash: options.model.training.corpusHash }
      : undefined,
    ruleSetNames: rules ? [...rules.ruleSets] : [],
  };
}

/**
 * The themes a tagger reports: `options.themes` when given (each must be known to
 * the model or a rule set), else the model's labels then the rule sets' themes.
 */
buildParts.themesOf = function themesOf(options: PartsOptions): string[] {
  const known: string[] = [];
  const add = (t: string): void => {
    if (!known.includes(t)) known.push(t);
  };
  for (const label of options.model?.labels ?? []) add(label);
  for (const set of options.ruleSets ?? []) {
    for (const t of set.themes ?? []) add(t.id);
    for (const r of set.rules) add(r.theme);
  }
  if (options.themes) {
    const unknown = options.themes.filter((t) => !known.includes(t));
    if (unknown.length) {
      throw new InputError(`unknown theme(s) ${unknown.join(', ')}; the model and rule sets know ${known.join(', ') || 'none'}`, {
        code: 'UNKNOWN_THEME',
      });
    }
    return [...options.themes];
  }
  if (!known.length) throw new InputError('a tagger needs a model or at least one rule set (it has no themes)', { code: 'INVALID_OPTIONS' });
  return known;
};
