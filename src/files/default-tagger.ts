/** The shipped tagger: default model + default rule sets + wink's English model. */
import type { Tagger, TaggerOptions } from '../tagger';
import { createTagger } from '../tagger';
import { analyzerFor } from '../tagger-build';
import type { TextAnalyzer } from '../text/types';
import { loadModel } from './load-model';
import { loadRuleSets } from './load-rules';

/** Options of loadDefaultTagger: any tagger option, plus other model or rule files. */
export interface LoadTaggerOptions extends Partial<Omit<TaggerOptions, 'languageModel' | 'model' | 'ruleSets'>> {
  /** Model file to use instead of the shipped one; `false` for rules only. */
  readonly modelFile?: string | false;
  /** Rule set files or folders instead of the shipped ones; `[]` for the model only. */
  readonly ruleFiles?: readonly string[];
}

let languageModel: Promise<unknown> | undefined;

/** wink's English model, imported once per process on first use. */
export function loadLanguageModel(): Promise<unknown> {
  languageModel ??= import('wink-eng-lite-web-model').then((m) => (m as { default?: unknown }).default ?? m);
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
  return createTagger({ ...rest, languageModel: lm, ...(model ? { model } : {}), ruleSets });
}
