/** The shipped tagger: default model + default rule sets + wink's English model. */
import type { Tagger, TaggerOptions } from '../tagger';
import { createTagger } from '../tagger';
import { analyzerFor } from '../tagger-build';
import type { TextAnalyzer } from '../text/types';
import type { RuleSet } from '../rules/schema';
import { loadModel } from './load-model';
import { loadRuleSets } from './load-rules';
import { importWinkEnglishModel } from './wink-english-model';

/** Options of loadDefaultTagger: any tagger option, plus other model or rule files. */
export interface LoadTaggerOptions extends Partial<Omit<TaggerOptions, 'languageModel' | 'model' | 'ruleSets'>> {
  /**
   * Model file to use instead of the shipped one; `false` for rules only. With a model
   * file and no `ruleFiles`, only the shipped rule sets for the model's themes are used.
   */
  readonly modelFile?: string | false;
  /** Rule set files or folders instead of the shipped ones; `[]` for the model only. */
  readonly ruleFiles?: readonly string[];
}

let languageModel: Promise<unknown> | undefined;

/** wink's English model, imported once per process on first use. */
export function loadLanguageModel(): Promise<unknown> {
  languageModel ??= importWinkEnglishModel();
  return languageModel;
}

/** The text analyzer over wink's English model (shared with every tagger made from it). */
export async function loadTextAnalyzer(): Promise<TextAnalyzer> {
  return analyzerFor(await loadLanguageModel());
}

/** Loads the shipped model and rule sets (or the files given) into a tagger. */
export async function loadDefaultTagger(options: LoadTaggerOptions = {}): Promise<Tagger> {
  const { modelFile, ruleFiles, ...rest } = options;
  const [lm, model, ruleSets] = await Promise.all([
    loadLanguageModel(),
    modelFile === false ? undefined : loadModel(modelFile),
    loadRuleSets(ruleFiles),
  ]);
  // A model file of the user's own brings its taxonomy: of the shipped rule sets, only
  // those for its themes join it (explicit rule files are used as given).
  const sets = typeof modelFile === 'string' && ruleFiles === undefined && model ? ruleSetsForThemes(ruleSets, model.labels) : ruleSets;
  return createTagger({ ...rest, languageModel: lm, ...(model ? { model } : {}), ruleSets: sets });
}

/** The rule sets all of whose themes are among `themes`. */
export function ruleSetsForThemes(ruleSets: readonly RuleSet[], themes: readonly string[]): RuleSet[] {
  const known = new Set(themes);
  return ruleSets.filter((set) => [...(set.themes ?? []).map((t) => t.id), ...set.rules.map((r) => r.theme)].every((t) => known.has(t)));
}
